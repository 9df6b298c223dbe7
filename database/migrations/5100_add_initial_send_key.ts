import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The key the send screen attached to the press that sent a contact's first
 * text: the same press repeated (a retried request, a held Enter) gets the
 * text it already sent back, a different press gets "already texted".
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('campaign_contacts', (table) => {
      table.string('initial_send_key', 100).nullable()
    })
  }

  async down() {
    this.schema.alterTable('campaign_contacts', (table) => {
      table.dropColumn('initial_send_key')
    })
  }
}
