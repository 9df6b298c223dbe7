import { randomBytes } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'

/** Every event an endpoint can subscribe to (docs/openapi.yaml `webhooks`). */
export const EVENT_TYPES = [
  'message.received',
  'message.status',
  'conversation.tagged',
  'survey.answered',
  'opt_out.created',
  'opt_out.lifted',
  'contact.created',
  'contact.updated',
  'campaign.launched',
  'campaign.completed',
  'import.completed',
  'export.completed',
] as const

export type EventType = (typeof EVENT_TYPES)[number]

/** What "Send a test event" delivers; no endpoint subscribes to it. */
export const TEST_EVENT_TYPE = 'webhook.test'

/** The payload's shape version; a breaking change to any event's data raises it. */
export const EVENT_VERSION = 1

export type DomainEvent = {
  organizationId: number
  type: EventType | typeof TEST_EVENT_TYPE
  data: Record<string, unknown>
  /** Events about one contact reach each endpoint in the order they happened. */
  contactId?: number | null
}

let wakeDeliverers: () => void = () => {}

/** The in-process deliverer asks to hear of new deliveries as soon as they are committed. */
export function onDeliveriesQueued(wake: () => void) {
  wakeDeliverers = wake
}

/** New deliveries are committed: the in-process deliverer looks now rather than at its next poll. */
export function deliveriesQueued() {
  wakeDeliverers()
}

/** The event's envelope, as delivered: Standard Webhooks' {type, timestamp, data}, with id and version. */
function envelope(publicId: string, event: DomainEvent, at: Date) {
  return JSON.stringify({
    id: publicId,
    version: EVENT_VERSION,
    type: event.type,
    timestamp: at.toISOString(),
    data: event.data,
  })
}

/** Rows per multi-row INSERT or IN list. */
const CHUNK = 500

function chunksOf<Item>(items: Item[]) {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, index) =>
    items.slice(index * CHUNK, (index + 1) * CHUNK)
  )
}

/** The row ids of just-inserted events, in the order of `publicIds`. */
async function rowIdsOf(trx: TransactionClientContract, publicIds: string[]) {
  const found = new Map<string, number>()
  for (const chunk of chunksOf(publicIds)) {
    const rows = await trx
      .from('domain_events')
      .whereIn('public_id', chunk)
      .select('id', 'public_id')
    for (const row of rows) found.set(row.public_id, row.id)
  }
  return publicIds.map((publicId) => found.get(publicId)!)
}

/**
 * Appends events to their organizations' logs, in the transaction of the
 * change they record (so an event exists exactly when its change does),
 * and queues one delivery of each to every enabled endpoint subscribed to
 * its type — or only to `onlyEndpointId` (test events). Multi-row inserts:
 * an import records thousands at once. Returns the events' public ids.
 */
export async function recordEvents(
  trx: TransactionClientContract,
  events: DomainEvent[],
  onlyEndpointId?: number
): Promise<string[]> {
  if (!events.length) return []
  const now = clock.now()
  const createdAt = sqlTime(now)
  const rows = events.map((event) => {
    const publicId = `evt_${randomBytes(12).toString('hex')}`
    return {
      organization_id: event.organizationId,
      public_id: publicId,
      type: event.type,
      contact_id: event.contactId ?? null,
      payload: envelope(publicId, event, now),
      created_at: createdAt,
    }
  })
  for (const chunk of chunksOf(rows)) {
    await trx.insertQuery().table('domain_events').multiInsert(chunk)
  }
  const publicIds = rows.map((row) => row.public_id)

  const organizationIds = [...new Set(events.map((event) => event.organizationId))]
  const endpointRows = await trx
    .from('webhook_endpoints')
    .whereIn('organization_id', organizationIds)
    .where('enabled', true)
    .if(onlyEndpointId !== undefined, (query) => query.where('id', onlyEndpointId!))
    .select('id', 'organization_id', 'events')
  // Each endpoint's event list is parsed once, not once per event it is matched against.
  const endpoints = endpointRows.map((endpoint) => ({
    ...endpoint,
    events: JSON.parse(endpoint.events) as string[],
  }))
  const subscribers = (event: DomainEvent) =>
    endpoints.filter(
      (endpoint) =>
        endpoint.organization_id === event.organizationId &&
        (onlyEndpointId !== undefined || endpoint.events.includes(event.type))
    )
  if (!events.some((event) => subscribers(event).length)) return publicIds

  const eventIds = await rowIdsOf(trx, publicIds)
  const deliveries = events.flatMap((event, index) =>
    subscribers(event).map((endpoint) => ({
      organization_id: event.organizationId,
      endpoint_id: endpoint.id,
      event_id: eventIds[index],
      ordering_key: event.contactId ? `contact:${event.contactId}` : null,
      status: 'pending',
      attempts: 0,
      next_attempt_at: createdAt,
      created_at: createdAt,
    }))
  )
  for (const chunk of chunksOf(deliveries)) {
    await trx.insertQuery().table('webhook_deliveries').multiInsert(chunk)
  }
  trx.after('commit', deliveriesQueued)
  return publicIds
}

/** One event: see `recordEvents`. Returns its public id (the deliveries' webhook-id). */
export async function recordEvent(
  trx: TransactionClientContract,
  event: DomainEvent,
  onlyEndpointId?: number
) {
  const [publicId] = await recordEvents(trx, [event], onlyEndpointId)
  return publicId
}

/** The id of the organization's contact with this phone, to order its events with the contact's others. */
export async function contactIdOfPhone(
  trx: TransactionClientContract,
  organizationId: number,
  phone: string
): Promise<number | null> {
  const contact = await trx
    .from('contacts')
    .where('organization_id', organizationId)
    .where('phone', phone)
    .select('id')
    .first()
  return contact?.id ?? null
}
