import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Tracked links: each http(s) link of a campaign text, per contact, is sent
 * as `<link base>/l/<code>`. A row is written in the transaction that queues
 * the text, keyed by the text's idempotency key and the link's place in it,
 * so a text is rewritten once whatever retries it. Clicks and link-preview
 * fetches are counted on the row; the contact's first click is copied onto
 * its campaign contact for segments and exports.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('campaigns', (table) => {
      table.boolean('track_links').notNullable().defaultTo(false)
    })
    this.schema.alterTable('campaign_contacts', (table) => {
      table.timestamp('first_clicked_at').nullable()
    })

    this.schema.createTable('tracked_links', (table) => {
      table.increments('id').notNullable()
      table.string('code', 16).notNullable().unique()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table
        .integer('campaign_id')
        .unsigned()
        .notNullable()
        .references('campaigns.id')
        .onDelete('CASCADE')
      table
        .integer('campaign_contact_id')
        .unsigned()
        .notNullable()
        .references('campaign_contacts.id')
        .onDelete('CASCADE')
      // The text's idempotency key (initial:<cc>, followup:<step>:<cc>; messages.idempotency_key
      // finds its delivery time) and the link's place in it.
      table.string('message_key', 100).notNullable()
      table.integer('position').unsigned().notNullable()
      // Null for a follow-up's text, else the first text's variant.
      table.integer('variant_id').unsigned().nullable()
      table.integer('follow_up_step_id').unsigned().nullable()
      table.integer('sent_by_id').unsigned().nullable()
      table.text('target').notNullable()
      table.integer('clicks').unsigned().notNullable().defaultTo(0)
      table.integer('previews').unsigned().notNullable().defaultTo(0)
      table.timestamp('first_clicked_at').nullable()
      table.timestamp('last_clicked_at').nullable()
      table.timestamp('created_at').notNullable()
      table.unique(['message_key', 'position'])
      // Reports read only the clicked links of a campaign.
      table.index(['campaign_id', 'first_clicked_at'])
    })
  }

  async down() {
    this.schema.dropTable('tracked_links')
    this.schema.alterTable('campaign_contacts', (table) => {
      table.dropColumn('first_clicked_at')
    })
    this.schema.alterTable('campaigns', (table) => {
      table.dropColumn('track_links')
    })
  }
}
