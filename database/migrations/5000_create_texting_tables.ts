import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Texting: who holds which contact and when things happened to it, survey
 * answers, reply handlers, and escalation tags.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('campaigns', (table) => {
      // The texter may edit the rendered first message before sending it.
      table.boolean('allow_initial_edit').notNullable().defaultTo(false)
      // Replies go to the campaign's reply handlers instead of the first texter.
      table.boolean('route_replies_to_handlers').notNullable().defaultTo(false)
    })

    this.schema.alterTable('campaign_contacts', (table) => {
      table.timestamp('assigned_at').nullable()
      // When the first text was queued, and by whom.
      table.timestamp('messaged_at').nullable()
      table.integer('messaged_by_id').unsigned().nullable()
      // First and latest reply; the latest outbound text.
      table.timestamp('replied_at').nullable()
      table.timestamp('last_inbound_at').nullable()
      table.timestamp('last_outbound_at').nullable()
      table.timestamp('skipped_at').nullable()
      table.timestamp('escalated_at').nullable()
      // The first text's fate: queued, sent, delivered, failed; and why it failed.
      table.string('delivery', 20).nullable()
      table.string('failure_reason', 30).nullable()
      // The latest reply's sentiment: positive, neutral, negative.
      table.string('sentiment', 10).nullable()
      table.index(['campaign_id', 'assigned_user_id', 'status'])
      table.index(['campaign_id', 'last_inbound_at'])
    })

    this.schema.alterTable('messages', (table) => {
      // Seconds from the reply being answered to this answer (texter speed).
      table.integer('response_seconds').unsigned().nullable()
    })

    this.schema.alterTable('tags', (table) => {
      // Applying it to a conversation routes the conversation to supervisors.
      table.boolean('escalates').notNullable().defaultTo(false)
    })

    this.schema.createTable('campaign_reply_handlers', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .references('campaigns.id')
        .onDelete('CASCADE')
      table.integer('user_id').unsigned().notNullable().references('users.id').onDelete('CASCADE')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['campaign_id', 'user_id'])
    })

    // One answer per question per conversation; answering again replaces it.
    this.schema.createTable('survey_responses', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .references('campaigns.id')
        .onDelete('CASCADE')
      table
        .integer('campaign_contact_id')
        .unsigned()
        .notNullable()
        .references('campaign_contacts.id')
        .onDelete('CASCADE')
      // The step that asks the question, and the child step that is the answer.
      table
        .integer('question_step_id')
        .unsigned()
        .notNullable()
        .references('interaction_steps.id')
        .onDelete('CASCADE')
      table
        .integer('answer_step_id')
        .unsigned()
        .notNullable()
        .references('interaction_steps.id')
        .onDelete('CASCADE')
      table.string('value', 255).notNullable()
      table
        .integer('answered_by_id')
        .unsigned()
        .nullable()
        .references('users.id')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['campaign_contact_id', 'question_step_id'])
      table.index(
        ['campaign_id', 'question_step_id', 'answer_step_id'],
        'survey_responses_answers_index'
      )
    })
  }

  async down() {
    this.schema.dropTable('survey_responses')
    this.schema.dropTable('campaign_reply_handlers')
    this.schema.alterTable('tags', (table) => table.dropColumn('escalates'))
    this.schema.alterTable('messages', (table) => table.dropColumn('response_seconds'))
    this.schema.alterTable('campaign_contacts', (table) => {
      table.dropIndex(['campaign_id', 'assigned_user_id', 'status'])
      table.dropIndex(['campaign_id', 'last_inbound_at'])
      for (const column of [
        'assigned_at',
        'messaged_at',
        'messaged_by_id',
        'replied_at',
        'last_inbound_at',
        'last_outbound_at',
        'skipped_at',
        'escalated_at',
        'delivery',
        'failure_reason',
        'sentiment',
      ])
        table.dropColumn(column)
    })
    this.schema.alterTable('campaigns', (table) => {
      table.dropColumn('allow_initial_edit')
      table.dropColumn('route_replies_to_handlers')
    })
  }
}
