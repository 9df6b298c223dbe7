import { BaseSchema } from '@adonisjs/lucid/schema'
import { counterTriggers, counterBackfill, type Dialect } from '#database/report_counters'

/**
 * Reporting: counters kept by database triggers, so a campaign's figures are
 * read from a handful of rows however large it is, and are always exact —
 * each counter moves in the same transaction as the row it counts, whatever
 * code changed that row. Also the exports (each row is its own job) and the
 * indexes reports and exports read by.
 */
export default class extends BaseSchema {
  #dialect(): Dialect {
    return this.db.dialect.name === 'mysql' ? 'mysql' : 'sqlite'
  }

  async up() {
    const counts = (table: { integer(name: string): any }, names: string[]) => {
      for (const name of names) table.integer(name).notNullable().defaultTo(0)
    }

    this.schema.createTable('report_campaign_counters', (table) => {
      // No foreign keys: a cascade delete would run the triggers against a deleted campaign.
      table.integer('campaign_id').unsigned().notNullable().primary()
      counts(table, [
        'targeted',
        'status_needs_message',
        'status_messaged',
        'status_needs_response',
        'status_conversing',
        'status_closed',
        'status_opted_out',
        'status_failed',
        'delivery_queued',
        'delivery_sent',
        'delivery_delivered',
        'delivery_failed',
        'failed_landline',
        'failed_invalid',
        'failed_carrier_filtered',
        'failed_carrier_opt_out',
        'failed_other',
        'replied',
        'sentiment_positive',
        'sentiment_neutral',
        'sentiment_negative',
        'texts_out',
        'texts_in',
        'segments_sent',
      ])
    })

    this.schema.createTable('report_variant_counters', (table) => {
      table.integer('campaign_id').unsigned().notNullable()
      // 0: contacts launched without a variant.
      table.integer('variant_id').unsigned().notNullable()
      counts(table, ['sent', 'delivered', 'replied', 'opted_out'])
      table.primary(['campaign_id', 'variant_id'])
    })

    this.schema.createTable('report_texter_counters', (table) => {
      table.integer('campaign_id').unsigned().notNullable()
      table.integer('user_id').unsigned().notNullable()
      counts(table, ['sent', 'replies'])
      table.primary(['campaign_id', 'user_id'])
    })

    // How long texters took to answer replies, as a histogram (see docs/reporting.md).
    this.schema.createTable('report_reply_times', (table) => {
      table.integer('campaign_id').unsigned().notNullable()
      table.integer('user_id').unsigned().notNullable()
      table.integer('bucket_seconds').unsigned().notNullable()
      counts(table, ['replies'])
      table.primary(['campaign_id', 'user_id', 'bucket_seconds'])
    })

    // Texts per hour ("YYYY-MM-DD HH", server time, as messages are stamped).
    this.schema.createTable('report_activity', (table) => {
      table.integer('campaign_id').unsigned().notNullable()
      table.string('hour', 13).notNullable()
      counts(table, ['texts_out', 'texts_in', 'segments'])
      table.primary(['campaign_id', 'hour'])
    })

    this.schema.createTable('report_survey_counters', (table) => {
      table.integer('campaign_id').unsigned().notNullable()
      table.integer('question_step_id').unsigned().notNullable()
      table.integer('answer_step_id').unsigned().notNullable()
      counts(table, ['answers'])
      table.primary(['campaign_id', 'question_step_id', 'answer_step_id'])
    })

    this.schema.createTable('exports', (table) => {
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
        .integer('created_by_id')
        .unsigned()
        .nullable()
        .references('users.id')
        .onDelete('SET NULL')
      table.string('kind', 16).notNullable()
      table.string('status', 16).notNullable()
      table.integer('rows_total').unsigned().notNullable().defaultTo(0)
      table.integer('rows_written').unsigned().notNullable().defaultTo(0)
      table.string('file_path', 500).nullable()
      table.bigInteger('file_size').unsigned().notNullable().defaultTo(0)
      table.text('failure_reason').nullable()
      table.timestamp('started_at').nullable()
      table.timestamp('heartbeat_at').nullable()
      table.timestamp('finished_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['organization_id', 'campaign_id', 'id'])
      table.index(['status', 'id'])
    })

    // Exports read a campaign's contacts and messages in id order, a chunk at a time.
    this.schema.alterTable('campaign_contacts', (table) => {
      table.index(['campaign_id', 'id'], 'campaign_contacts_campaign_order_index')
    })
    // Which text was a conversation's first (its delivery is the contact's delivery).
    this.schema.alterTable('messages', (table) => {
      table.index(['campaign_contact_id', 'id'], 'messages_campaign_contact_order_index')
    })
    // Opt-outs per day on the organization overview.
    this.schema.alterTable('opt_outs', (table) => {
      table.index(['organization_id', 'created_at'], 'opt_outs_organization_created_index')
    })

    this.defer(async (db) => {
      for (const statement of counterBackfill(this.#dialect(), 1)) await db.rawQuery(statement)
      for (const trigger of counterTriggers(this.#dialect(), 1)) await db.rawQuery(trigger.create)
    })
  }

  async down() {
    this.defer(async (db) => {
      for (const trigger of counterTriggers(this.#dialect(), 1)) await db.rawQuery(trigger.drop)
    })
    this.schema.alterTable('opt_outs', (table) => {
      table.dropIndex(['organization_id', 'created_at'], 'opt_outs_organization_created_index')
    })
    this.schema.alterTable('messages', (table) => {
      table.dropIndex(['campaign_contact_id', 'id'], 'messages_campaign_contact_order_index')
    })
    this.schema.alterTable('campaign_contacts', (table) => {
      table.dropIndex(['campaign_id', 'id'], 'campaign_contacts_campaign_order_index')
    })
    for (const table of [
      'exports',
      'report_survey_counters',
      'report_activity',
      'report_reply_times',
      'report_texter_counters',
      'report_variant_counters',
      'report_campaign_counters',
    ]) {
      this.schema.dropTable(table)
    }
  }
}
