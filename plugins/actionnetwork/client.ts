import {
  IntegrationError,
  type ImportedPerson,
  type ImportPage,
  type ImportSource,
  type IntegrationAccountConfig,
  type IntegrationClientContract,
  type SyncResult,
} from '#integrations/contract'
import { crmRequest } from '#integrations/http'

type Link = { href: string }
type OsdiPerson = {
  identifiers?: string[]
  given_name?: string
  family_name?: string
  email_addresses?: Array<{ address?: string; primary?: boolean }>
  phone_numbers?: Array<{ number?: string; primary?: boolean }>
  postal_addresses?: Array<{ postal_code?: string; primary?: boolean }>
}
type Collection = {
  _links?: { next?: Link }
  _embedded?: Record<string, Array<{ _links?: Record<string, Link> }>>
}

/** Action Network's error shape: {"error": "…"}. */
function describeError(body: string) {
  try {
    return (JSON.parse(body) as { error?: string }).error ?? null
  } catch {
    return null
  }
}

const UUID_PREFIX = 'action_network:'

function primary<Item extends { primary?: boolean }>(items: Item[] | undefined) {
  return items?.find((item) => item.primary) ?? items?.[0]
}

/**
 * Action Network's OSDI API v2 with the `OSDI-API-Token` header: lists'
 * items and forms' submissions page through HAL `_links.next`; tags go back
 * as taggings, opt-outs as the person's phone subscription status.
 */
export class ActionNetworkClient implements IntegrationClientContract {
  constructor(private config: IntegrationAccountConfig) {}

  get #base() {
    return `${(this.config.settings.apiBaseUrl || 'https://actionnetwork.org').replace(/\/+$/, '')}/api/v2`
  }

  async #request(method: string, url: string, body?: unknown) {
    // Paging links come from the answers: follow only those on the same API.
    if (!url.startsWith(`${this.#base}/`)) {
      throw new IntegrationError('rejected', 'A link points outside the Action Network API')
    }
    const response = await crmRequest(
      url,
      {
        method,
        headers: {
          'osdi-api-token': this.config.credentials.apiKey,
          'accept': 'application/hal+json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      describeError
    )
    return response.json() as Promise<any>
  }

  async testConnection() {
    await this.#request('GET', `${this.#base}/people?per_page=1`)
  }

  /** One page of a list's items or a form's submissions, each with its person read. */
  async importPage(
    source: ImportSource,
    cursor: string | null,
    since: Date | null
  ): Promise<ImportPage> {
    const path = source.kind === 'form' ? 'forms' : 'lists'
    const collection = source.kind === 'form' ? 'submissions' : 'items'
    const filter = since
      ? `?filter=${encodeURIComponent(`modified_date gt '${since.toISOString().slice(0, 19)}'`)}`
      : ''
    const url =
      cursor ?? `${this.#base}/${path}/${encodeURIComponent(source.id)}/${collection}${filter}`
    const page = (await this.#request('GET', url)) as Collection
    const entries = page._embedded?.[`osdi:${collection}`] ?? []

    const people: ImportedPerson[] = []
    for (const entry of entries) {
      const href = entry._links?.['osdi:person']?.href
      if (href) people.push(this.#imported(await this.#request('GET', href)))
    }
    return { people, next: page._links?.next?.href ?? null }
  }

  #imported(person: OsdiPerson): ImportedPerson {
    const uuid = person.identifiers?.find((id) => id.startsWith(UUID_PREFIX))
    return {
      externalId: uuid ? uuid.slice(UUID_PREFIX.length) : (person.identifiers?.[0] ?? ''),
      phone: primary(person.phone_numbers)?.number ?? null,
      firstName: person.given_name ?? null,
      lastName: person.family_name ?? null,
      email: primary(person.email_addresses)?.address ?? null,
      zip: primary(person.postal_addresses)?.postal_code ?? null,
    }
  }

  /** The person's Action Network id: theirs when imported, otherwise found or created by the signup helper. */
  async #personId(result: SyncResult) {
    if (result.person.externalId) return result.person.externalId
    const person = (await this.#request('POST', `${this.#base}/people`, {
      person: {
        given_name: result.person.firstName ?? undefined,
        family_name: result.person.lastName ?? undefined,
        phone_numbers: [{ number: result.person.phone }],
        ...(result.person.email ? { email_addresses: [{ address: result.person.email }] } : {}),
      },
    })) as OsdiPerson
    const id = this.#imported(person).externalId
    if (!id) throw new IntegrationError('rejected', 'The person was not created')
    return id
  }

  async pushResult(result: SyncResult) {
    const personId = await this.#personId(result)
    const personUrl = `${this.#base}/people/${encodeURIComponent(personId)}`
    if (result.kind === 'opt_out') {
      await this.#request('PUT', personUrl, {
        phone_numbers: [{ number: result.person.phone, status: 'unsubscribed' }],
      })
      return
    }
    const tagId = result.kind === 'survey_response' ? result.responseId : result.tagId
    if (!tagId || (result.kind !== 'tag' && result.kind !== 'survey_response')) {
      throw new IntegrationError('rejected', `Unsupported outcome ${result.kind}`)
    }
    await this.#request('POST', `${this.#base}/tags/${encodeURIComponent(tagId)}/taggings`, {
      _links: { 'osdi:person': { href: personUrl } },
    })
  }
}
