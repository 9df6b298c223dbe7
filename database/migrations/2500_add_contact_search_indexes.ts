import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Indexes the contacts table's search and filters use, so a page of a
 * million-row organization is read from an index rather than a scan:
 * newest-first paging, name prefixes (case-insensitively) and tag filters.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('contacts', (table) => {
      table.index(['organization_id', 'id'], 'contacts_org_id_index')
    })
    this.schema.alterTable('contact_tags', (table) => {
      table.index(['tag_id', 'contact_id'], 'contact_tags_tag_contact_index')
    })

    if (this.db.dialect.name === 'mysql') {
      // MySQL's default collations compare case-insensitively, so plain
      // indexes serve `LIKE 'prefix%'`.
      this.schema.alterTable('contacts', (table) => {
        table.index(['organization_id', 'first_name'], 'contacts_org_first_name_index')
      })
    } else {
      // SQLite compares bytes: index the lowercased names and search those.
      this.schema.raw(
        'CREATE INDEX contacts_org_lower_last_name_index ON contacts (organization_id, lower(last_name))'
      )
      this.schema.raw(
        'CREATE INDEX contacts_org_lower_first_name_index ON contacts (organization_id, lower(first_name))'
      )
    }
  }

  async down() {
    if (this.db.dialect.name === 'mysql') {
      this.schema.alterTable('contacts', (table) => {
        table.dropIndex([], 'contacts_org_first_name_index')
      })
    } else {
      this.schema.raw('DROP INDEX contacts_org_lower_last_name_index')
      this.schema.raw('DROP INDEX contacts_org_lower_first_name_index')
    }
    this.schema.alterTable('contact_tags', (table) => {
      table.dropIndex([], 'contact_tags_tag_contact_index')
    })
    this.schema.alterTable('contacts', (table) => {
      table.dropIndex([], 'contacts_org_id_index')
    })
  }
}
