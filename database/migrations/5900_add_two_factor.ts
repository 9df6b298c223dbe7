import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Two-factor sign-in: each user's TOTP secret (encrypted; set while they
 * enrol, on once `two_factor_enabled_at` is set), the step of the last code
 * accepted, and their one-time recovery codes, stored as hashes and marked
 * when used.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.text('two_factor_secret').nullable()
      table.timestamp('two_factor_enabled_at').nullable()
      // The 30-second step of the last code accepted: a code works once (RFC 6238, 5.2).
      table.bigInteger('two_factor_last_step').nullable()
    })
    this.schema.createTable('two_factor_recovery_codes', (table) => {
      table.increments('id').notNullable()
      table.integer('user_id').unsigned().notNullable().references('users.id').onDelete('CASCADE')
      table.string('code_hash', 64).notNullable()
      table.timestamp('used_at').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['user_id', 'code_hash'])
    })
  }

  async down() {
    this.schema.dropTable('two_factor_recovery_codes')
    this.schema.alterTable('users', (table) => {
      table.dropColumn('two_factor_secret')
      table.dropColumn('two_factor_enabled_at')
      table.dropColumn('two_factor_last_step')
    })
  }
}
