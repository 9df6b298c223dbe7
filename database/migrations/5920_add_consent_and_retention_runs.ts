import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A contact's opt-in record (where and when they agreed to be texted, as
 * imported), and one row per organization and day the retention job ran:
 * the row is the claim (unique per day), so the job runs once a day however
 * many workers try.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('contacts', (table) => {
      table.string('opt_in_source', 255).nullable()
      table.timestamp('opt_in_at').nullable()
    })
    this.schema.createTable('retention_runs', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.string('run_on', 10).notNullable()
      table.integer('conversations_erased').unsigned().notNullable().defaultTo(0)
      table.integer('exports_deleted').unsigned().notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('finished_at').nullable()
      table.unique(['organization_id', 'run_on'])
    })
  }

  async down() {
    this.schema.dropTable('retention_runs')
    this.schema.alterTable('contacts', (table) => {
      table.dropColumn('opt_in_source')
      table.dropColumn('opt_in_at')
    })
  }
}
