/**
 * The contract between Porchlight and a CRM integration plugin: the only
 * file a plugin author needs to read (docs/integrations.md). A plugin never
 * touches the database, never reads the environment and never sleeps or
 * retries: the core owns cursors, the retry queue and the sync log.
 */

/** A field of the integration account form. */
export interface IntegrationField {
  name: string
  label: string
  secret: boolean
  required: boolean
  /** A choice among fixed values (the select's options), or free text. */
  options?: Array<{ value: string; label: string }>
  help?: string
}

/** What can be read from the CRM into a Porchlight list. */
export type ImportSourceKind = 'list' | 'form'

/** Outcomes the core can send back to the CRM. */
export type ResultKind = 'survey_response' | 'tag' | 'opt_out' | 'texted' | 'wrong_number'

export const RESULT_KINDS: ResultKind[] = [
  'survey_response',
  'tag',
  'opt_out',
  'texted',
  'wrong_number',
]

export interface IntegrationManifest {
  /** Stored on integration accounts; the key in config/integrations.ts. */
  id: string
  displayName: string
  credentialFields: IntegrationField[]
  settingFields: IntegrationField[]
  /** The sources people can be imported from, each with how its id is labelled on the form. */
  importSources: Array<{ kind: ImportSourceKind; label: string }>
  /** The outcomes this CRM accepts. */
  results: ResultKind[]
  /** How the mapping form labels CRM ids ("Survey question id", "Tag id"…). */
  mappingLabels: { question: string; response: string; tag: string }
}

export interface IntegrationAccountConfig {
  pluginId: string
  accountId: number
  credentials: Record<string, string>
  settings: Record<string, string>
}

export interface ImportSource {
  kind: ImportSourceKind
  id: string
}

/** One person read from the CRM. */
export interface ImportedPerson {
  /** The CRM's id of the person, kept as the contact's external id. */
  externalId: string
  phone: string | null
  firstName?: string | null
  lastName?: string | null
  email?: string | null
  zip?: string | null
}

export interface ImportPage {
  people: ImportedPerson[]
  /** Where the next page starts; null once this run has read everything. */
  next: string | null
  /** The CRM is still preparing the data (an export job): ask for `next` again after this long. */
  waitMs?: number
}

/** The person a result is about, as Porchlight knows them. */
export interface ResultPerson {
  phone: string
  /** The CRM's id when the contact came from this CRM (an import). */
  externalId: string | null
  email: string | null
  firstName: string | null
  lastName: string | null
}

/** One outcome to record in the CRM, with the CRM ids the campaign's mapping gives. */
export interface SyncResult {
  kind: ResultKind
  person: ResultPerson
  occurredAt: string
  /** survey_response: the CRM's question and response ids. */
  questionId?: string
  responseId?: string
  /** tag: the CRM's tag / activist code id. */
  tagId?: string
}

export interface IntegrationClientContract {
  /** Resolves when the credentials work; throws an IntegrationError saying why not. */
  testConnection(): Promise<void>
  /** One page of people from `source`, starting at `cursor` (null: the start). `since`: only people changed since, when the CRM can filter so. */
  importPage(source: ImportSource, cursor: string | null, since: Date | null): Promise<ImportPage>
  /** Records one outcome. Throws an IntegrationError when it was not recorded. */
  pushResult(result: SyncResult): Promise<void>
}

export interface IntegrationPluginContract {
  manifest: IntegrationManifest
  createClient(config: IntegrationAccountConfig): IntegrationClientContract
}

/**
 * Why a CRM call failed, which decides what the core does next:
 * `rate_limited` waits `retryAfterMs`, `transient` retries with backoff,
 * `auth` and `rejected` are not retried (the sync log shows the message).
 */
export type IntegrationErrorKind = 'rate_limited' | 'transient' | 'auth' | 'rejected'

export class IntegrationError extends Error {
  constructor(
    readonly kind: IntegrationErrorKind,
    message: string,
    readonly retryAfterMs: number | null = null,
    /** The CRM's HTTP status, when it answered. */
    readonly status: number | null = null
  ) {
    super(message)
    this.name = 'IntegrationError'
  }
}
