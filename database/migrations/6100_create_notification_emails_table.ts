import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Notification emails (new assignments, reply digests, escalations): one row
 * per email, queued by the action that caused it and sent by a worker that
 * claims it; `reply_digest_claims` holds each member's last digest, so the
 * once-an-hour limit holds however many workers look; each person's
 * choice of which kinds they receive; and the index the once-a-minute look
 * for replies waiting too long reads (one organization's unanswered replies,
 * oldest first) instead of scanning its conversations.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('notification_emails', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.integer('user_id').unsigned().notNullable().references('users.id').onDelete('CASCADE')
      table.string('kind', 16).notNullable()
      table.text('data').notNullable()
      table.string('status', 12).notNullable().defaultTo('queued')
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.timestamp('next_attempt_at').notNullable()
      table.timestamp('claimed_at').nullable()
      table.string('claimed_by', 80).nullable()
      table.timestamp('sent_at').nullable()
      table.string('last_error', 500).nullable()
      table.timestamp('created_at').notNullable()
      table.index(['status', 'next_attempt_at'], 'notification_emails_due_index')
    })
    this.schema.createTable('reply_digest_claims', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.integer('user_id').unsigned().notNullable().references('users.id').onDelete('CASCADE')
      table.timestamp('last_queued_at').nullable()
      table.unique(['organization_id', 'user_id'])
    })
    this.schema.alterTable('campaign_contacts', (table) => {
      table.index(
        ['organization_id', 'status', 'last_inbound_at'],
        'campaign_contacts_waiting_replies_index'
      )
    })
    this.schema.alterTable('users', (table) => {
      table.boolean('email_assignments').notNullable().defaultTo(true)
      table.boolean('email_reply_digests').notNullable().defaultTo(true)
      table.boolean('email_escalations').notNullable().defaultTo(true)
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('email_assignments')
      table.dropColumn('email_reply_digests')
      table.dropColumn('email_escalations')
    })
    this.schema.alterTable('campaign_contacts', (table) => {
      table.dropIndex(
        ['organization_id', 'status', 'last_inbound_at'],
        'campaign_contacts_waiting_replies_index'
      )
    })
    this.schema.dropTable('reply_digest_claims')
    this.schema.dropTable('notification_emails')
  }
}
