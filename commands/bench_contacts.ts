import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import db from '@adonisjs/lucid/services/db'
import Organization, { DEFAULT_SETTINGS } from '#models/organization'
import { pageOfContacts, type ContactFilters } from '#services/contacts/contact_search'
import { countSegment } from '#services/segments/audience'
import type { SegmentGroup } from '#services/segments/definition'

const FIRST = ['Ann', 'Bob', 'Cara', 'Dan', 'Eve', 'Farid', 'Gloria', 'Hiro', 'Ines', 'Jamal']
const LAST = ['Smith', 'Lee', 'Garcia', 'Nguyen', 'Okafor', 'Smirnov', 'Brown', 'Patel', 'Kim']
const STATES = ['CA', 'TX', 'NY', 'FL', 'PA', 'OH', 'MI', 'GA', 'NC', 'WA']
const LEVELS = ['Gold', 'Silver', 'Bronze', '']

type Seeded = {
  organizationId: number
  bigList: number
  smallList: number
  commonTag: number
  rareTag: number
  /** A seeded phone as a person would type it: "(201) 262-5000". */
  samplePhone: string
}

/**
 * Seeds one organization with N contacts (lists, tags, opt-outs, custom
 * fields) and times the contacts table's and segments' queries on it, then
 * deletes that organization (unless --keep). Best on a database of its own:
 *   DATA_DIR=./tmp/bench node ace migration:run --force
 *   DATA_DIR=./tmp/bench node ace bench:contacts --rows 1000000
 * Prints one JSON line: milliseconds per query (median of five runs).
 */
export default class BenchContacts extends BaseCommand {
  static commandName = 'bench:contacts'
  static description = 'Time contact search, filters and segment counts on N seeded contacts'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'How many contacts to seed', default: 1_000_000 })
  declare rows: number

  @flags.boolean({ description: 'Keep the seeded organization afterwards' })
  declare keep: boolean

  async run() {
    const started = Date.now()
    const seeded = await this.#seed()
    try {
      await this.#measure(seeded, started)
    } finally {
      if (!this.keep) await Organization.query().where('id', seeded.organizationId).delete()
    }
  }

  async #measure(seeded: Seeded, started: number) {
    this.logger.info(`seeded ${this.rows} contacts in ${Date.now() - started} ms`)

    const web =
      (filters: ContactFilters, page = 1) =>
      () =>
        pageOfContacts(seeded.organizationId, filters, { page, perPage: 50, countCap: 10_000 })
    const api = (filters: ContactFilters) => () =>
      pageOfContacts(seeded.organizationId, filters, { page: 1, perPage: 50, countCap: null })
    const segment = (definition: SegmentGroup) => () =>
      countSegment(seeded.organizationId, definition)

    const timings: Record<string, number> = {}
    const cases: Record<string, () => Promise<unknown>> = {
      'table: first page': web({}),
      'table: page 200': web({}, 200),
      'table: name "smi"': web({ search: 'smi' }),
      'table: name "ann le"': web({ search: 'ann le' }),
      'table: phone, formatted': web({ search: seeded.samplePhone }),
      'table: phone, first 6 digits': web({ search: seeded.samplePhone.slice(0, 9) }),
      'table: big list (50%)': web({ listId: seeded.bigList }),
      'table: small list (100)': web({ listId: seeded.smallList }),
      'table: common tag (10%)': web({ tag: seeded.commonTag }),
      'table: rare tag (20)': web({ tag: seeded.rareTag }),
      'table: opted out (1%)': web({ optedOut: true }),
      'table: textable': web({ optedOut: false }),
      'table: big list + name': web({ listId: seeded.bigList, search: 'gar' }),
      'api: exact total, no filter': api({}),
      'api: exact total, big list': api({ listId: seeded.bigList }),
      'segment: state in 3': segment({
        all: [{ field: 'state', op: 'in', value: ['CA', 'TX', 'NY'] }],
      }),
      'segment: custom field gt': segment({
        all: [{ field: 'customFields.Age', op: 'gt', value: 60 }],
      }),
      'segment: nested list/tag/opt-out': segment({
        all: [
          {
            any: [
              { field: 'list', op: 'eq', value: seeded.bigList },
              { field: 'tag', op: 'eq', value: seeded.commonTag },
            ],
          },
          { field: 'optedOut', op: 'eq', value: false },
          { field: 'customFields.Volunteer Level', op: 'in', value: ['gold', 'silver'] },
        ],
      }),
    }
    for (const [name, run] of Object.entries(cases)) timings[name] = await median(run)
    console.log(
      JSON.stringify({ rows: this.rows, dialect: db.connection().dialect.name, ms: timings })
    )
  }

  async #seed(): Promise<Seeded> {
    const organization = await Organization.create({
      name: 'Contacts benchmark',
      slug: `bench-contacts-${Date.now()}`,
      requiresApproval: false,
      settings: DEFAULT_SETTINGS,
    })
    const organizationId = organization.id
    const random = seededRandom(42)
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ')

    const ids = await db.transaction(async (trx) => {
      const [bigList] = await trx.table('contact_lists').insert(named(organizationId, 'Big', now))
      const [smallList] = await trx
        .table('contact_lists')
        .insert(named(organizationId, 'Small', now))
      const [commonTag] = await trx.table('tags').insert(named(organizationId, 'common', now))
      const [rareTag] = await trx.table('tags').insert(named(organizationId, 'rare', now))
      return { bigList, smallList, commonTag, rareTag }
    })

    // SQLite writes a multi-row insert as a compound SELECT of at most 500 terms.
    const batch = 400
    for (let offset = 0; offset < this.rows; offset += batch * 50) {
      await db.transaction(async (trx) => {
        for (let start = offset; start < Math.min(offset + batch * 50, this.rows); start += batch) {
          const count = Math.min(batch, this.rows - start)
          const phones = Array.from({ length: count }, (_, i) => phoneFor(start + i))
          const contacts = phones.map((phone) => ({
            organization_id: organizationId,
            phone,
            first_name: pick(FIRST),
            last_name: pick(LAST),
            zip: String(10000 + Math.floor(random() * 89999)),
            state: pick(STATES),
            timezone: 'America/New_York',
            custom_fields: JSON.stringify({
              'Volunteer Level': pick(LEVELS),
              'Age': String(18 + Math.floor(random() * 70)),
            }),
            unknown_sender: false,
            created_at: now,
          }))
          await trx.table('contacts').multiInsert(contacts)
          const inserted = await trx
            .from('contacts')
            .where('organization_id', organizationId)
            .whereIn('phone', phones)
            .select('id', 'phone')
          const members = inserted.filter(() => random() < 0.5)
          const small = start === 0 ? inserted.slice(0, 100) : []
          const common = inserted.filter(() => random() < 0.1)
          const rare = start === 0 ? inserted.slice(0, 20) : []
          const optedOut = inserted.filter(() => random() < 0.01)
          const pivot = (rows: { id: number }[], key: string, value: number) =>
            rows.map((row) => ({ contact_id: row.id, [key]: value }))
          const lists = [
            ...pivot(members, 'contact_list_id', ids.bigList),
            ...pivot(small, 'contact_list_id', ids.smallList),
          ]
          const tags = [
            ...pivot(common, 'tag_id', ids.commonTag),
            ...pivot(rare, 'tag_id', ids.rareTag),
          ]
          if (lists.length) await trx.table('contact_list_members').multiInsert(lists)
          if (tags.length) await trx.table('contact_tags').multiInsert(tags)
          if (optedOut.length) {
            await trx.table('opt_outs').multiInsert(
              optedOut.map((row) => ({
                organization_id: organizationId,
                phone: row.phone,
                source: 'import',
                created_at: now,
              }))
            )
          }
        }
      })
    }
    if (db.connection().dialect.name !== 'mysql') await db.rawQuery('ANALYZE')
    const sample = phoneFor(Math.floor(this.rows / 2)).slice(2)
    return {
      organizationId,
      ...ids,
      samplePhone: `(${sample.slice(0, 3)}) ${sample.slice(3, 6)}-${sample.slice(6)}`,
    }
  }
}

function named(organizationId: number, name: string, now: string) {
  return { organization_id: organizationId, name, created_at: now }
}

/** Distinct, plausible US mobile numbers: area codes 201-989, never a 0/1 exchange. */
function phoneFor(index: number) {
  const area = 201 + (Math.floor(index / 8_000_000) % 789)
  const rest = index % 8_000_000
  return `+1${area}${200 + Math.floor(rest / 10_000)}${String(rest % 10_000).padStart(4, '0')}`
}

function seededRandom(seed: number) {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

async function median(run: () => Promise<unknown>) {
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return Math.round(times[2] * 10) / 10
}
