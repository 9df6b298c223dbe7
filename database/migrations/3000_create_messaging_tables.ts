import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Provider accounts and their numbers, the message outbox/log, and the raw
 * webhook events stored before they are processed.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('provider_accounts', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.string('provider', 60).notNullable()
      table.string('name', 120).notNullable()
      table.text('credentials').notNullable()
      table.text('settings').nullable()
      table.string('status', 20).notNullable().defaultTo('active')
      table.string('status_reason', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['organization_id'])
    })

    this.schema.createTable('sender_numbers', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table
        .integer('provider_account_id')
        .unsigned()
        .notNullable()
        .references('provider_accounts.id')
        .onDelete('CASCADE')
      table.string('phone', 20).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['provider_account_id', 'phone'])
      table.index(['organization_id', 'phone'])
    })

    this.schema.createTable('messages', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table
        .integer('provider_account_id')
        .unsigned()
        .nullable()
        .references('provider_accounts.id')
        .onDelete('SET NULL')
      table
        .integer('contact_id')
        .unsigned()
        .nullable()
        .references('contacts.id')
        .onDelete('SET NULL')
      table.integer('campaign_id').unsigned().nullable()
      table.integer('campaign_contact_id').unsigned().nullable()
      table.string('direction', 10).notNullable()
      table.text('body').notNullable()
      table.text('media').nullable()
      table.string('from_phone', 20).notNullable()
      table.string('to_phone', 20).notNullable()
      table.integer('segments').unsigned().notNullable().defaultTo(1)
      table.string('encoding', 8).notNullable().defaultTo('GSM-7')
      table.string('status', 20).notNullable()
      table.string('error_code', 40).nullable()
      table.string('error_class', 20).nullable()
      table.string('error_message', 255).nullable()
      table.string('provider_message_id', 80).nullable()
      table.string('idempotency_key', 80).nullable().unique()
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.timestamp('next_attempt_at').nullable()
      table.timestamp('claimed_at').nullable()
      table.string('claimed_by', 80).nullable()
      table.integer('sent_by_id').unsigned().nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('sent_at').nullable()
      table.timestamp('delivered_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['provider_account_id', 'provider_message_id'])
      table.index(['status', 'next_attempt_at'])
      table.index(['organization_id', 'contact_id'])
      table.index(['organization_id', 'campaign_id'])
    })

    this.schema.createTable('webhook_events', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table
        .integer('provider_account_id')
        .unsigned()
        .notNullable()
        .references('provider_accounts.id')
        .onDelete('CASCADE')
      table.string('dedupe_key', 160).notNullable()
      table.string('kind', 20).notNullable()
      table.text('payload').notNullable()
      table.string('status', 20).notNullable()
      table.string('error', 255).nullable()
      table.timestamp('processed_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['provider_account_id', 'dedupe_key'])
      table.index(['status'])
    })
  }

  async down() {
    for (const table of ['webhook_events', 'messages', 'sender_numbers', 'provider_accounts']) {
      this.schema.dropTable(table)
    }
  }
}
