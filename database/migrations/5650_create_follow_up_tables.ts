import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Follow-up steps: texts a person sends after a campaign's first text, each
 * with its own script, a delay and a condition. `follow_ups` is the queue:
 * one row per campaign contact per step, written when the previous text was
 * sent, carrying when it comes due, so due times survive restarts.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('follow_up_steps', (table) => {
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
      table.integer('position').unsigned().notNullable()
      table.integer('after_hours').unsigned().notNullable()
      // no_reply: only while the person has not replied; always: whatever they said.
      table.string('send_when', 10).notNullable()
      // [{ body, weight }]
      table.text('variants').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['campaign_id', 'position'])
    })

    this.schema.createTable('follow_ups', (table) => {
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
      table
        .integer('step_id')
        .unsigned()
        .notNullable()
        .references('follow_up_steps.id')
        .onDelete('CASCADE')
      // pending → sent, or dropped (the person replied, opted out, or was erased).
      table.string('status', 10).notNullable()
      table.timestamp('due_at').notNullable()
      table.timestamp('sent_at').nullable()
      table.integer('sent_by_id').unsigned().nullable()
      // The send screen's key for the press that sent it (a repeated press gets the same text).
      table.string('send_key', 100).nullable()
      table.integer('message_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['campaign_contact_id', 'step_id'])
      table.index(['campaign_id', 'status', 'due_at'])
      table.index(['step_id', 'status'])
    })
  }

  async down() {
    this.schema.dropTable('follow_ups')
    this.schema.dropTable('follow_up_steps')
  }
}
