import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Signed-in sessions live on the server, so signing out, a password change,
 * a reset, a suspension or a removal ends them at once; the cookie holds
 * only the session's id. What each row records (when, from where, which
 * browser) is what a "your sessions" page shows.
 */
export default class extends BaseSchema {
  protected tableName = 'sessions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('id', 64).notNullable().primary()
      table.integer('user_id').unsigned().nullable().references('users.id').onDelete('CASCADE')
      // Flash messages included; mediumtext on MySQL, where text stops at 64 KB.
      table.text('data', 'mediumtext').notNullable()
      table.string('ip_address', 45).nullable()
      table.string('user_agent', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('last_seen_at').notNullable()
      table.timestamp('expires_at').notNullable()
      table.index(['user_id'])
      table.index(['expires_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
