import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * When each pacing key (a sender number, a campaign) is next free, shared by
 * every dispatcher process when Redis is not configured
 * (app/services/outbox/pacer.ts).
 */
export default class extends BaseSchema {
  protected tableName = 'pacing_slots'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('key', 191).notNullable().primary()
      // Epoch milliseconds.
      table.bigInteger('next_free_at').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
