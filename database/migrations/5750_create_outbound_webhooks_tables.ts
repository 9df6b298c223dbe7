import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Outbound webhooks: the organization's domain events (append-only, written
 * in the transaction of the change they record), the endpoints that
 * subscribe to them, and the delivery queue drained like the outbox.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('domain_events', (table) => {
      table.increments('id')
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      // The stable public id ("evt_…"): the webhook-id of every delivery of this event.
      table.string('public_id', 40).notNullable().unique()
      table.string('type', 40).notNullable()
      // The contact it is about, if any: erasing the person redacts their events.
      table.integer('contact_id').unsigned().nullable()
      // The JSON body as delivered: {"id","version","type","timestamp","data"}.
      table.text('payload', 'mediumtext').notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['organization_id', 'id'])
      table.index(['organization_id', 'contact_id'])
    })

    this.schema.createTable('webhook_endpoints', (table) => {
      table.increments('id')
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.string('url', 2000).notNullable()
      // JSON array of event types.
      table.text('events').notNullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      // "whsec_…", encrypted with APP_KEY.
      table.text('secret').notNullable()
      // Why the endpoint stopped on its own (410, a day of failures); null when enabled by hand.
      table.string('disabled_reason', 255).nullable()
      // Since when every delivery has failed; null while the endpoint answers.
      table.timestamp('failing_since').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['organization_id', 'enabled'])
    })

    this.schema.createTable('webhook_deliveries', (table) => {
      table.increments('id')
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table
        .integer('endpoint_id')
        .unsigned()
        .notNullable()
        .references('webhook_endpoints.id')
        .onDelete('CASCADE')
      table
        .integer('event_id')
        .unsigned()
        .notNullable()
        .references('domain_events.id')
        .onDelete('CASCADE')
      // Deliveries sharing a key reach the endpoint in id order ("contact:<id>"); null: any order.
      table.string('ordering_key', 40).nullable()
      // pending → delivering → succeeded | failed
      table.string('status', 20).notNullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at').notNullable()
      table.timestamp('claimed_at').nullable()
      table.string('claimed_by', 80).nullable()
      table.integer('response_status').nullable()
      table.integer('duration_ms').nullable()
      // The first 1 KB of the endpoint's answer, or why there was none.
      table.text('response_body').nullable()
      table.string('error', 255).nullable()
      table.timestamp('last_attempt_at').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['status', 'next_attempt_at'])
      table.index(['endpoint_id', 'ordering_key', 'status'])
      table.index(['endpoint_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('webhook_deliveries')
    this.schema.dropTable('webhook_endpoints')
    this.schema.dropTable('domain_events')
  }
}
