import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Campaigns and their scripts: initial-message variants (A/B with weights),
 * the survey tree, canned responses, and campaign_contacts — the audience
 * snapshot taken at launch, one row per contact per campaign.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('campaigns', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.string('name', 120).notNullable()
      table.text('purpose').nullable()
      table.string('status', 20).notNullable().defaultTo('draft')
      table
        .integer('provider_account_id')
        .unsigned()
        .nullable()
        .references('provider_accounts.id')
        .onDelete('SET NULL')
      // JSON: E.164 numbers of the account; empty means the account's whole pool.
      table.text('sender_numbers').nullable()
      // JSON: {listIds, segmentId, excludeListIds, excludeRecentDays}.
      table.text('audience').notNullable()
      // JSON {start, end}; null follows the organization's default window.
      table.text('texting_hours').nullable()
      table.integer('batch_size').unsigned().notNullable().defaultTo(200)
      table.integer('max_contacts_per_texter').unsigned().nullable()
      table
        .integer('copied_from_id')
        .unsigned()
        .nullable()
        .references('campaigns.id')
        .onDelete('SET NULL')
      table
        .integer('created_by_id')
        .unsigned()
        .nullable()
        .references('users.id')
        .onDelete('SET NULL')
      table.timestamp('launched_at').nullable()
      table.timestamp('completed_at').nullable()
      table.timestamp('archived_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['organization_id', 'status'])
    })

    this.schema.createTable('script_variants', (table) => {
      table.increments('id').notNullable()
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
      table.text('body').notNullable()
      table.integer('weight').unsigned().notNullable().defaultTo(1)
      table.integer('position').unsigned().notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['campaign_id', 'position'])
    })

    // One row per node of the survey tree: a root asks `question`; a child is
    // the answer `answer_option` to its parent's question, with the follow-up
    // `script` the texter sends, and may ask a further `question` itself.
    this.schema.createTable('interaction_steps', (table) => {
      table.increments('id').notNullable()
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
        .integer('parent_id')
        .unsigned()
        .nullable()
        .references('interaction_steps.id')
        .onDelete('CASCADE')
      table.string('answer_option', 255).nullable()
      table.text('script').nullable()
      table.text('question').nullable()
      table.integer('position').unsigned().notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['campaign_id', 'parent_id'])
    })

    // campaign_id null: an organization-wide canned response.
    this.schema.createTable('canned_responses', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table
        .integer('campaign_id')
        .unsigned()
        .nullable()
        .references('campaigns.id')
        .onDelete('CASCADE')
      table.string('title', 120).notNullable()
      table.text('body').notNullable()
      table.text('tags').nullable()
      table.integer('position').unsigned().notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['organization_id', 'campaign_id'])
    })

    this.schema.createTable('campaign_contacts', (table) => {
      table.increments('id').notNullable()
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
        .integer('contact_id')
        .unsigned()
        .notNullable()
        .references('contacts.id')
        .onDelete('CASCADE')
      table
        .integer('variant_id')
        .unsigned()
        .nullable()
        .references('script_variants.id')
        .onDelete('SET NULL')
      table
        .integer('assigned_user_id')
        .unsigned()
        .nullable()
        .references('users.id')
        .onDelete('SET NULL')
      table.string('status', 20).notNullable().defaultTo('needs_message')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['campaign_id', 'contact_id'])
      table.index(['campaign_id', 'status'])
      table.index(['campaign_id', 'assigned_user_id'])
      table.index(['organization_id', 'contact_id'])
    })
  }

  async down() {
    for (const table of [
      'campaign_contacts',
      'canned_responses',
      'interaction_steps',
      'script_variants',
      'campaigns',
    ]) {
      this.schema.dropTable(table)
    }
  }
}
