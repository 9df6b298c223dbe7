import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Keyword rules that answer an inbound text at once (docs/conversations.md
 * "Automatic answers"), and one firing per answered inbound text: its unique
 * inbound message makes the answer happen once however often the provider
 * repeats the webhook, and its time drives the loop guard and the texting
 * hours grace.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('auto_answer_rules', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      // Null: the whole organization's rule; a campaign's rule is tried first.
      table
        .integer('campaign_id')
        .unsigned()
        .nullable()
        .references('campaigns.id')
        .onDelete('CASCADE')
      table.text('keywords').notNullable()
      table.text('answer').notNullable()
      table
        .integer('question_step_id')
        .unsigned()
        .nullable()
        .references('interaction_steps.id')
        .onDelete('SET NULL')
      table
        .integer('answer_step_id')
        .unsigned()
        .nullable()
        .references('interaction_steps.id')
        .onDelete('SET NULL')
      table.text('tags').notNullable()
      table.boolean('close').notNullable().defaultTo(false)
      table.boolean('enabled').notNullable().defaultTo(true)
      table.integer('fired').unsigned().notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['organization_id', 'campaign_id'])
    })

    this.schema.createTable('auto_answer_firings', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table
        .integer('rule_id')
        .unsigned()
        .nullable()
        .references('auto_answer_rules.id')
        .onDelete('SET NULL')
      table
        .integer('inbound_message_id')
        .unsigned()
        .notNullable()
        .unique()
        .references('messages.id')
        .onDelete('CASCADE')
      table
        .integer('reply_message_id')
        .unsigned()
        .notNullable()
        .references('messages.id')
        .onDelete('CASCADE')
      table
        .integer('contact_id')
        .unsigned()
        .notNullable()
        .references('contacts.id')
        .onDelete('CASCADE')
      // The rule's keywords when it fired, for the thread (the rule may change or go).
      table.string('rule_label', 255).notNullable()
      table.timestamp('fired_at').notNullable()
      table.index(['contact_id', 'fired_at'])
      table.index(['reply_message_id'])
    })
  }

  async down() {
    this.schema.dropTable('auto_answer_firings')
    this.schema.dropTable('auto_answer_rules')
  }
}
