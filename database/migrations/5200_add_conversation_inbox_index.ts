import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A member's own conversations by status, newest reply first: the
 * conversations list and the "needs reply" count in the navigation, read on
 * every page, come from this index rather than a scan of every campaign.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('campaign_contacts', (table) => {
      table.index(
        ['assigned_user_id', 'status', 'last_inbound_at'],
        'campaign_contacts_assignee_inbox_index'
      )
    })
  }

  async down() {
    this.schema.alterTable('campaign_contacts', (table) => {
      // MySQL let the new index serve the assigned_user_id foreign key and dropped the
      // one it had made for it; the key needs an index of its own back first.
      if (this.db.dialect.name === 'mysql') {
        table.index(['assigned_user_id'], 'campaign_contacts_assigned_user_id_foreign')
      }
      table.dropIndex(
        ['assigned_user_id', 'status', 'last_inbound_at'],
        'campaign_contacts_assignee_inbox_index'
      )
    })
  }
}
