import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 10DLC registrations submitted through a provider account: one brand and one
 * campaign per account, each with the provider's id and status, and the
 * history of every submission and status change.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('tendlc_registrations', (table) => {
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
      table.string('kind', 16).notNullable()
      table.text('details').notNullable()
      table.string('status', 16).notNullable()
      table.text('status_reason').nullable()
      table.string('provider_ref', 128).nullable()
      table.timestamp('submitted_at').nullable()
      table.timestamp('checked_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['provider_account_id', 'kind'])
      table.index(['status'])
    })
    this.schema.createTable('tendlc_registration_events', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table
        .integer('registration_id')
        .unsigned()
        .notNullable()
        .references('tendlc_registrations.id')
        .onDelete('CASCADE')
      table.integer('user_id').unsigned().nullable().references('users.id').onDelete('SET NULL')
      table.string('action', 16).notNullable()
      table.string('status', 16).notNullable()
      table.text('reason').nullable()
      table.text('details').nullable()
      table.timestamp('created_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('tendlc_registration_events')
    this.schema.dropTable('tendlc_registrations')
  }
}
