import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A tamper-evident audit trail: each event carries the hash of the one
 * before it in its organization (`prev_hash`) and its own (`hash`). The
 * chain head of each organization is one row, locked by every writer, so
 * concurrent events still form one chain. Events written before this have
 * no hash and are shown as such by `audit:verify`.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('audit_events', (table) => {
      table.string('prev_hash', 64).nullable()
      table.string('hash', 64).nullable()
      // Newest first with filters: paging walks (organization_id, id).
      table.index(['organization_id', 'id'])
      table.index(['organization_id', 'action'])
      table.index(['organization_id', 'subject_type', 'subject_id'])
    })
    this.schema.createTable('audit_chain_heads', (table) => {
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .primary()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.integer('last_event_id').unsigned().nullable()
      table.string('last_hash', 64).nullable()
      table.timestamp('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable('audit_chain_heads')
    this.schema.alterTable('audit_events', (table) => {
      table.dropIndex(['organization_id', 'id'])
      table.dropIndex(['organization_id', 'action'])
      table.dropIndex(['organization_id', 'subject_type', 'subject_id'])
      table.dropColumn('prev_hash')
      table.dropColumn('hash')
    })
  }
}
