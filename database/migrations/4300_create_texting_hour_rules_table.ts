import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An organization's per-state texting hours (stricter state laws). A state
 * without a row falls back to the built-in defaults (see
 * app/services/texting_hours/rules.ts), so rows exist only once an admin saves.
 */
export default class extends BaseSchema {
  protected tableName = 'texting_hour_rules'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.string('state', 2).notNullable()
      table.string('start', 5).notNullable()
      table.string('end', 5).notNullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['organization_id', 'state'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
