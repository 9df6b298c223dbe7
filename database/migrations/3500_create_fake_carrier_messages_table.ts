import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What the fake carrier (the development and demo SMS simulator) carried:
 * texts each fake phone received and the replies it sent. In a table, not
 * in memory, so every web and worker process shows the same phones.
 */
export default class extends BaseSchema {
  protected tableName = 'fake_carrier_messages'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
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
      table.string('sid', 40).notNullable().unique()
      // to_phone: a text the phone received; from_phone: a reply it sent.
      table.string('direction', 10).notNullable()
      table.string('phone', 20).notNullable()
      table.string('sender', 20).notNullable()
      table.text('body').notNullable()
      table.text('media').nullable()
      table.string('status', 20).notNullable()
      table.string('error_code', 40).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['provider_account_id', 'phone', 'id'])
      table.index(['organization_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
