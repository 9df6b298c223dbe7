import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Indexes for the supervisor's views of a campaign: texts sent per texter
 * (first texts and replies), who is texting right now, and escalated
 * conversations — each answered from an index, not a scan of the campaign.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('campaign_contacts', (table) => {
      table.index(
        ['campaign_id', 'messaged_by_id', 'messaged_at'],
        'campaign_contacts_messaged_by_index'
      )
      table.index(['campaign_id', 'escalated_at'], 'campaign_contacts_escalated_index')
    })
    this.schema.alterTable('messages', (table) => {
      table.index(['campaign_id', 'sent_by_id', 'created_at'], 'messages_campaign_sender_index')
    })
  }

  async down() {
    this.schema.alterTable('messages', (table) => {
      table.dropIndex(['campaign_id', 'sent_by_id', 'created_at'], 'messages_campaign_sender_index')
    })
    this.schema.alterTable('campaign_contacts', (table) => {
      table.dropIndex(['campaign_id', 'escalated_at'], 'campaign_contacts_escalated_index')
      table.dropIndex(
        ['campaign_id', 'messaged_by_id', 'messaged_at'],
        'campaign_contacts_messaged_by_index'
      )
    })
  }
}
