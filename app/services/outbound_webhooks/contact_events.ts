import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordEvents, type DomainEvent } from '#services/outbound_webhooks/events'

/** Where the change came from: a CSV import, the contacts API, or a person editing the contact. */
export type ContactEventSource = 'import' | 'api' | 'edit'

const COLUMNS = ['id', 'phone', 'first_name', 'last_name', 'email', 'zip', 'external_id']

type ContactRow = {
  id: number
  phone: string
  first_name: string | null
  last_name: string | null
  email: string | null
  zip: string | null
  external_id: string | null
}

/** What `contact.created` / `contact.updated` say about the contact. */
function contactData(row: ContactRow) {
  return {
    id: row.id,
    phone: row.phone,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    zip: row.zip,
    externalId: row.external_id,
  }
}

/**
 * Records `contact.created` for the phones in `created` and
 * `contact.updated` for the others, reading the contacts as they now are.
 */
export async function recordContactEvents(
  trx: TransactionClientContract,
  organizationId: number,
  phones: string[],
  created: Set<string>,
  source: ContactEventSource
) {
  if (!phones.length) return
  const rows: ContactRow[] = await trx
    .from('contacts')
    .where('organization_id', organizationId)
    .whereIn('phone', phones)
    .orderBy('id')
    .select(COLUMNS)
  const events = rows.map((row): DomainEvent => ({
    organizationId,
    type: created.has(row.phone) ? 'contact.created' : 'contact.updated',
    contactId: row.id,
    data: { contact: contactData(row), source },
  }))
  await recordEvents(trx, events)
}
