import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The message list (`GET /api/v1/messages`) on a campaign of a million
 * texts: each filter reads an index that starts with the organization, in id
 * order after its equality columns (both engines end a secondary index with
 * the primary key), so the newest page is the first entries and the total is
 * counted from the index alone. Contacts and campaigns have theirs already.
 *
 * Every status change rewrites a text's entries in the indexes holding
 * `status` or `updated_at` (cheap: they land next to the latest ones), so
 * they are kept to three; a campaign with `since` reads its rows among the
 * changes since then.
 */
const INDEXES: [string[], string][] = [
  [['organization_id', 'id'], 'messages_organization_order_index'],
  [['organization_id', 'campaign_contact_id'], 'messages_organization_conversation_index'],
  [['organization_id', 'direction'], 'messages_organization_direction_index'],
  [['organization_id', 'campaign_id', 'direction'], 'messages_campaign_direction_index'],
  [['organization_id', 'status'], 'messages_organization_status_index'],
  [['organization_id', 'campaign_id', 'status'], 'messages_campaign_status_index'],
  [['organization_id', 'updated_at'], 'messages_organization_changed_index'],
]

export default class extends BaseSchema {
  async up() {
    // `since` reads updated_at: a row never updated counts as changed when it was made.
    this.defer(async (db) => {
      await db
        .from('messages')
        .whereNull('updated_at')
        .update({ updated_at: db.raw('created_at') })
    })
    this.schema.alterTable('messages', (table) => {
      for (const [columns, name] of INDEXES) table.index(columns, name)
    })
  }

  async down() {
    this.schema.alterTable('messages', (table) => {
      for (const [columns, name] of INDEXES) table.dropIndex(columns, name)
    })
  }
}
