import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The pictures of one text, in order. An outgoing text's point at a library
 * picture's stored copy (kept while any text names it); an incoming text's
 * start as the provider's link (`source_url`, status `pending`) and become a
 * stored copy once fetched, or `failed` with the reason.
 */
export default class extends BaseSchema {
  protected tableName = 'message_media'

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
        .integer('message_id')
        .unsigned()
        .notNullable()
        .references('messages.id')
        .onDelete('CASCADE')
      table.integer('position').unsigned().notNullable()
      table.integer('media_item_id').unsigned().nullable()
      table.string('storage_key', 255).nullable()
      table.string('content_type', 50).nullable()
      table.integer('bytes').unsigned().nullable()
      table.text('source_url').nullable()
      // ready | pending | failed
      table.string('status', 10).notNullable()
      table.string('failure_reason', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['message_id', 'position'])
      table.index(['storage_key'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
