import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Claims for CRM sync work, so any number of worker processes share it:
 * a result being sent and a scheduled import under way carry their
 * worker's token and when it claimed them; a claim older than the lease
 * belongs to a worker that died and is taken over.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('integration_sync_items', (table) => {
      table.string('claimed_by', 120).nullable()
      table.timestamp('claimed_at').nullable()
    })
    this.schema.alterTable('integration_accounts', (table) => {
      table.string('import_claimed_by', 120).nullable()
      table.timestamp('import_claimed_at').nullable()
    })
  }

  async down() {
    this.schema.alterTable('integration_accounts', (table) => {
      table.dropColumn('import_claimed_by')
      table.dropColumn('import_claimed_at')
    })
    this.schema.alterTable('integration_sync_items', (table) => {
      table.dropColumn('claimed_by')
      table.dropColumn('claimed_at')
    })
  }
}
