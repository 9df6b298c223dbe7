import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * 10DLC: whether a sender number is registered with The Campaign Registry,
 * and whether a provider account's messaging service / profile (its number
 * pool) is. Organizations that require registration cannot launch a campaign
 * through anything not marked registered.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('sender_numbers', (table) => {
      table.boolean('registered').notNullable().defaultTo(false)
    })
    this.schema.alterTable('provider_accounts', (table) => {
      table.boolean('pool_registered').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable('sender_numbers', (table) => {
      table.dropColumn('registered')
    })
    this.schema.alterTable('provider_accounts', (table) => {
      table.dropColumn('pool_registered')
    })
  }
}
