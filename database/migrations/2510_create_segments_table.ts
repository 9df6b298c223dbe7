import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Saved audience filters: a definition in the segment language of the API
 * (`{"all"|"any": [conditions or groups]}`), counted live, never stored
 * as a member list.
 */
export default class extends BaseSchema {
  protected tableName = 'segments'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.string('name', 120).notNullable()
      table.text('definition').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['organization_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
