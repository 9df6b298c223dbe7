import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The language each person reads Porchlight in ("en", "es"); null follows the
 * browser's Accept-Language.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.string('locale', 8).nullable()
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('locale')
    })
  }
}
