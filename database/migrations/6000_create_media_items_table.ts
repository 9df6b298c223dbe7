import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The media library: pictures an organization attaches to texts. Each keeps
 * the uploaded original and the copy fitted to carrier limits that is sent.
 * Script variants and canned responses name the pictures they carry in
 * `media_ids` (a JSON array of media item ids, in order); follow-up steps
 * keep theirs inside each variant of their `variants` JSON.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('media_items', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.integer('uploaded_by_id').unsigned().nullable()
      table.string('name', 255).notNullable()
      // The copy that is sent, fitted to carrier limits.
      table.string('storage_key', 255).notNullable()
      table.string('content_type', 50).notNullable()
      table.integer('bytes').unsigned().notNullable()
      table.integer('width').unsigned().notNullable()
      table.integer('height').unsigned().notNullable()
      // The file as uploaded.
      table.string('original_key', 255).notNullable()
      table.string('original_content_type', 50).notNullable()
      table.bigInteger('original_bytes').unsigned().notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['organization_id', 'id'])
    })
    for (const name of ['script_variants', 'canned_responses']) {
      this.schema.alterTable(name, (table) => {
        table.text('media_ids').nullable()
      })
    }
  }

  async down() {
    for (const name of ['script_variants', 'canned_responses']) {
      this.schema.alterTable(name, (table) => {
        table.dropColumn('media_ids')
      })
    }
    this.schema.dropTable('media_items')
  }
}
