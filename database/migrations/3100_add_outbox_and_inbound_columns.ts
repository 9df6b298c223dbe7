import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What the outbox and inbound processing need beyond the messaging tables:
 * why a message exists (test, automatic opt-out/HELP reply), what an inbound
 * text asked for, and contacts whose phone cannot receive texts.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('messages', (table) => {
      // null for a texter's message; "test", "opt_out_confirmation" or "help_reply".
      table.string('purpose', 30).nullable()
      // What an inbound text asked for: "stop", "help", "start" or "possible_stop".
      table.string('intent', 20).nullable()
      table.index(['status', 'claimed_at'])
    })
    this.schema.alterTable('contacts', (table) => {
      // "landline" or "invalid", set when a provider refused the number.
      table.string('undeliverable_reason', 40).nullable()
      table.timestamp('undeliverable_at').nullable()
    })
  }

  async down() {
    this.schema.alterTable('contacts', (table) => {
      table.dropColumn('undeliverable_reason')
      table.dropColumn('undeliverable_at')
    })
    this.schema.alterTable('messages', (table) => {
      table.dropIndex(['status', 'claimed_at'])
      table.dropColumn('purpose')
      table.dropColumn('intent')
    })
  }
}
