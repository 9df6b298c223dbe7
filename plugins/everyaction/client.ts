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
import { parseCsv } from './csv.js'

const EXPORT_POLL_MS = 10_000
/** "API" input type: the canvass was recorded by another system. */
const INPUT_TYPE_API = 11
const DEFAULT_CONTACT_TYPE_SMS = 37
const DEFAULT_WRONG_NUMBER_RESULT_CODE = 20
const DEFAULT_EXPORT_JOB_TYPE = 4

/** VAN's error shape: {"errors":[{"code","text","properties"}]}. */
function describeVanError(body: string) {
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ code?: string; text?: string }> }
    const texts = (parsed.errors ?? []).map((error) =>
      [error.code, error.text].filter(Boolean).join(': ')
    )
    return texts.length ? texts.join('; ') : null
  } catch {
    return null
  }
}

function column(row: Record<string, string>, ...names: string[]) {
  for (const name of names) if (row[name]) return row[name]
  return null
}

/**
 * EveryAction / NGP VAN API v4: HTTP basic auth as `applicationName` and
 * `apiKey|mode` (0 VoterFile, 1 MyCampaign); saved lists come out through
 * export jobs; outcomes go in as canvass responses.
 */
export class EveryActionClient implements IntegrationClientContract {
  constructor(private config: IntegrationAccountConfig) {}

  get #base() {
    return (this.config.settings.apiBaseUrl || 'https://api.securevan.com').replace(/\/+$/, '')
  }

  #setting(name: string, fallback: number) {
    const value = Number(this.config.settings[name])
    return Number.isInteger(value) && value > 0 ? value : fallback
  }

  #request(method: string, path: string, body?: unknown) {
    const { applicationName, apiKey } = this.config.credentials
    const mode = this.config.settings.mode === '1' ? '1' : '0'
    const basic = Buffer.from(`${applicationName}:${apiKey}|${mode}`).toString('base64')
    return crmRequest(
      `${this.#base}/v4${path}`,
      {
        method,
        headers: {
          authorization: `Basic ${basic}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      describeVanError
    )
  }

  async testConnection() {
    const response = await this.#request('POST', '/echoes', { message: 'porchlight' })
    const echoed = (await response.json()) as { message?: string }
    if (echoed.message !== 'porchlight') {
      throw new IntegrationError('rejected', 'The echo answer did not match')
    }
  }

  /**
   * A saved list is read in one run of two steps: the first call requests
   * an export job, the next ones poll it until its CSV can be downloaded.
   * VAN exports the whole list each time; the upsert makes that idempotent.
   */
  async importPage(source: ImportSource, cursor: string | null): Promise<ImportPage> {
    if (source.kind !== 'list')
      throw new IntegrationError('rejected', 'Only saved lists can be imported')
    if (!cursor) {
      const response = await this.#request('POST', '/exportJobs', {
        savedListId: Number(source.id),
        type: this.#setting('exportJobTypeId', DEFAULT_EXPORT_JOB_TYPE),
        webhookUrl: null,
      })
      const job = (await response.json()) as { exportJobId: number }
      return this.#poll(String(job.exportJobId))
    }
    return this.#poll(cursor)
  }

  async #poll(jobId: string): Promise<ImportPage> {
    const response = await this.#request('GET', `/exportJobs/${encodeURIComponent(jobId)}`)
    const job = (await response.json()) as { status: string; downloadUrl?: string | null }
    if (job.status === 'Error') throw new IntegrationError('rejected', `Export job ${jobId} failed`)
    if (job.status !== 'Completed' || !job.downloadUrl) {
      return { people: [], next: jobId, waitMs: EXPORT_POLL_MS }
    }
    // The download URL is pre-signed: it takes no credentials.
    const download = await crmRequest(job.downloadUrl, { method: 'GET' }, () => null)
    const people = parseCsv(await download.text()).flatMap((row): ImportedPerson[] => {
      const vanId = column(row, 'VanID', 'VANID', 'vanId')
      if (!vanId) return []
      return [
        {
          externalId: vanId,
          phone: column(row, 'Phone', 'CellPhone', 'PreferredPhone'),
          firstName: column(row, 'FirstName'),
          lastName: column(row, 'LastName'),
          email: column(row, 'Email', 'PreferredEmail'),
          zip: column(row, 'Zip5', 'ZipOrPostal', 'Zip'),
        },
      ]
    })
    return { people, next: null }
  }

  /** The person's VanID: theirs when they came from VAN, otherwise a match on their phone. */
  async #vanId(result: SyncResult) {
    if (result.person.externalId && /^\d+$/.test(result.person.externalId)) {
      return result.person.externalId
    }
    const response = await this.#request('POST', '/people/find', {
      phones: [{ phoneNumber: result.person.phone }],
    }).catch((error) => {
      if (error instanceof IntegrationError && error.status === 404) {
        throw new IntegrationError('rejected', 'No person in VAN has this phone number')
      }
      throw error
    })
    const found = (await response.json()) as { vanId: number }
    return String(found.vanId)
  }

  async pushResult(result: SyncResult) {
    const vanId = await this.#vanId(result)
    if (result.kind === 'opt_out') {
      // The phone's SMS opt-in status: "O" is opted out.
      await this.#request('POST', '/people/findOrCreate', {
        vanId: Number(vanId),
        phones: [{ phoneNumber: result.person.phone, smsOptInStatus: 'O' }],
      })
      return
    }
    await this.#request('POST', `/people/${vanId}/canvassResponses`, {
      canvassContext: {
        contactTypeId: this.#setting('textedContactTypeId', DEFAULT_CONTACT_TYPE_SMS),
        inputTypeId: INPUT_TYPE_API,
        dateCanvassed: result.occurredAt,
      },
      ...this.#outcome(result),
    })
  }

  #outcome(result: SyncResult) {
    switch (result.kind) {
      case 'survey_response':
        return {
          resultCodeId: null,
          responses: [
            {
              type: 'SurveyResponse',
              surveyQuestionId: Number(result.questionId),
              surveyResponseId: Number(result.responseId),
            },
          ],
        }
      case 'tag':
        return {
          resultCodeId: null,
          responses: [
            { type: 'ActivistCode', activistCodeId: Number(result.tagId), action: 'Apply' },
          ],
        }
      case 'wrong_number':
        return {
          resultCodeId: this.#setting('wrongNumberResultCodeId', DEFAULT_WRONG_NUMBER_RESULT_CODE),
          responses: null,
        }
      case 'texted': {
        const code = this.#setting('textedResultCodeId', 0)
        if (!code) throw new IntegrationError('rejected', 'No result code is set for texts')
        return { resultCodeId: code, responses: null }
      }
      default:
        throw new IntegrationError('rejected', `Unsupported outcome ${result.kind}`)
    }
  }
}
