import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Campaign history conditions of segments: survey answers lead from the
 * campaign, question and answer straight to the conversations (the index
 * holds them all, so no row is read), and "replied / texted
 * within N days" over any campaign reads an organization's rows by time.
 * One campaign's rows are read through (campaign_id, contact_id) already.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('survey_responses', (table) => {
      table.index(
        ['campaign_id', 'question_step_id', 'answer_step_id', 'campaign_contact_id'],
        'survey_responses_question_answer_index'
      )
    })
    this.schema.alterTable('campaign_contacts', (table) => {
      table.index(['organization_id', 'last_inbound_at'], 'campaign_contacts_org_inbound_index')
      table.index(['organization_id', 'last_outbound_at'], 'campaign_contacts_org_outbound_index')
    })
  }

  async down() {
    this.schema.alterTable('campaign_contacts', (table) => {
      table.dropIndex(['organization_id', 'last_inbound_at'], 'campaign_contacts_org_inbound_index')
      table.dropIndex(
        ['organization_id', 'last_outbound_at'],
        'campaign_contacts_org_outbound_index'
      )
    })
    this.schema.alterTable('survey_responses', (table) => {
      table.dropIndex(
        ['campaign_id', 'question_step_id', 'answer_step_id', 'campaign_contact_id'],
        'survey_responses_question_answer_index'
      )
    })
  }
}
