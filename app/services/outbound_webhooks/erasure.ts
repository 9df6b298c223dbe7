import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** What erasure removes from an event's data; the rest (ids, phone, statuses) stays. */
const ERASED: Record<string, unknown> = {
  body: '',
  media: [],
  firstName: null,
  lastName: null,
  email: null,
  zip: null,
  externalId: null,
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, key in ERASED ? ERASED[key] : redact(inner)])
  )
}

/**
 * Erasing a person also erases what the event log says about them: their
 * events keep their ids and shape (a retry still verifies and validates),
 * with texts' bodies and media and the person's names, email, ZIP and
 * external id blanked, as on the messages themselves.
 */
export async function redactEventsAbout(
  trx: TransactionClientContract,
  organizationId: number,
  contactId: number
) {
  const events = await trx
    .from('domain_events')
    .where('organization_id', organizationId)
    .where('contact_id', contactId)
    .select('id', 'payload')
  for (const event of events) {
    const payload = JSON.parse(event.payload)
    const redacted = JSON.stringify({ ...payload, data: redact(payload.data) })
    await trx.from('domain_events').where('id', event.id).update({ payload: redacted })
  }
  return events.length
}
