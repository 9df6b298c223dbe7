import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * CRM sync through integration plugins: an organization's accounts (with
 * their import schedule and their cursor in the domain event log), the
 * per-campaign mapping to CRM ids, the results queue (which is also the
 * sync log of results) and the log of import runs.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('integration_accounts', (table) => {
      table.increments('id')
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.string('plugin', 40).notNullable()
      table.string('name', 120).notNullable()
      // JSON, encrypted with APP_KEY like provider credentials.
      table.text('credentials').notNullable()
      table.text('settings').notNullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      // The last domain event read for results; only later events are synced.
      table.integer('event_cursor').unsigned().notNullable().defaultTo(0)
      // Importing people: from which CRM source into which list, how often.
      table.string('import_kind', 20).nullable()
      table.string('import_source_id', 120).nullable()
      table
        .integer('import_list_id')
        .unsigned()
        .nullable()
        .references('contact_lists.id')
        .onDelete('SET NULL')
      table.integer('import_every_minutes').nullable()
      table.timestamp('import_next_at').nullable()
      // Where the run under way resumes (a page link, an export job), and when the last full run began.
      table.text('import_page_cursor').nullable()
      table.timestamp('import_since').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['organization_id'])
      table.index(['enabled', 'import_next_at'])
    })

    this.schema.createTable('integration_mappings', (table) => {
      table.increments('id')
      table
        .integer('account_id')
        .unsigned()
        .notNullable()
        .references('integration_accounts.id')
        .onDelete('CASCADE')
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .references('campaigns.id')
        .onDelete('CASCADE')
      // question | answer | tag | wrong_number (a tag meaning it) | texted (local_id 0)
      table.string('kind', 20).notNullable()
      table.integer('local_id').unsigned().notNullable()
      table.string('remote_id', 120).notNullable()
      table.unique(['account_id', 'campaign_id', 'kind', 'local_id'])
    })

    this.schema.createTable('integration_sync_items', (table) => {
      table.increments('id')
      table
        .integer('account_id')
        .unsigned()
        .notNullable()
        .references('integration_accounts.id')
        .onDelete('CASCADE')
      table.integer('event_id').unsigned().notNullable()
      table.integer('contact_id').unsigned().nullable()
      table.string('kind', 20).notNullable()
      // The result without its person (JSON): the CRM ids and when it happened.
      table.text('payload').notNullable()
      // pending → succeeded | failed
      table.string('status', 20).notNullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at').notNullable()
      table.string('error', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['account_id', 'event_id', 'kind'])
      table.index(['account_id', 'status', 'next_attempt_at'])
    })

    this.schema.createTable('integration_import_runs', (table) => {
      table.increments('id')
      table
        .integer('account_id')
        .unsigned()
        .notNullable()
        .references('integration_accounts.id')
        .onDelete('CASCADE')
      // running → completed | failed
      table.string('status', 20).notNullable()
      table.integer('pages').notNullable().defaultTo(0)
      table.integer('created').notNullable().defaultTo(0)
      table.integer('updated').notNullable().defaultTo(0)
      table.integer('invalid').notNullable().defaultTo(0)
      table.integer('opted_out').notNullable().defaultTo(0)
      table.string('error', 255).nullable()
      table.timestamp('started_at').notNullable()
      table.timestamp('finished_at').nullable()
      table.index(['account_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('integration_import_runs')
    this.schema.dropTable('integration_sync_items')
    this.schema.dropTable('integration_mappings')
    this.schema.dropTable('integration_accounts')
  }
}
