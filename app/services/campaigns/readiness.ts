import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Campaign from '#models/campaign'
import type Organization from '#models/organization'
import ProviderAccount from '#models/provider_account'
import ScriptVariant from '#models/script_variant'
import SenderNumber from '#models/sender_number'
import { audienceContacts } from '#services/campaigns/audience'
import { mergeFieldNames } from '#services/scripts/merge_fields'
import { preview } from '#services/scripts/preview'
import { dialectOf, join, jsonText, raw, sql, type SqlDialect } from '#services/db/sql'
import { readCount, readRows } from '#services/db/read_pool'
import SlowReadException from '#exceptions/slow_read_exception'
import { findRegistration, registersThroughProvider } from '#services/registration/registrations'
import { pictureFindings } from '#services/media/launch_findings'
import { translate, type Translate, type Translator } from '#services/i18n/translator'

/** A reason a launch is refused (blocker) or worth a second look (warning). */
export type Finding = { code: string; field: string; message: string }

/** Fields filled from the texter and the organization: never missing for a contact. */
const SENDER_FIELDS = new Set(['texterName', 'orgName'])

/** Contact columns behind the built-in fields; any other name is a custom field. */
const CONTACT_COLUMNS: Record<string, string> = {
  firstName: 'contacts.first_name',
  lastName: 'contacts.last_name',
  zip: 'contacts.zip',
}

/**
 * Everything that decides whether a campaign can launch: blockers (no
 * sender, a disabled provider account, an empty audience, a merge field no
 * contact of the audience has) and warnings that do not block: the script
 * lints of each variant (no opt-out language, no organization name, links,
 * shorteners, non-GSM characters, unknown merge fields).
 * `targeted` is how many contacts the launch would snapshot right now (null
 * when the audience is too slow to read: that blocks the launch too).
 * When the organization requires registered senders (10DLC), a sender not
 * marked registered blocks too (see registrationBlockers). Messages are
 * worded for `i18n` (the request's language), English without it.
 */
export async function launchReadiness(
  campaign: Campaign,
  organization: Organization,
  /** `customFieldHeaders(organizationId)`, read before any transaction opens. */
  headers: string[],
  options: {
    /** The launch's transaction, which has written nothing yet (its audience is read outside it). */
    trx?: TransactionClientContract
    i18n?: Translator
  } = {}
) {
  const { trx, i18n } = options
  const t = translate(i18n)
  const blockers: Finding[] = []
  const warnings: Finding[] = []
  blockers.push(...(await senderBlockers(campaign, organization, t, trx)))
  const pictures = await pictureFindings(campaign, t, trx)
  blockers.push(...pictures.blockers)
  warnings.push(...pictures.warnings)

  const variants = await ScriptVariant.query({ client: trx })
    .where('campaign_id', campaign.id)
    .orderBy('position')
  if (!variants.length) {
    blockers.push({
      code: 'no_script',
      field: 'script.initial',
      message: t('readiness.noScript'),
    })
  }

  const { contacts } = await audienceContacts(campaign.organizationId, campaign.audience, {
    trx,
    campaignId: campaign.id,
  })
  const outside = { outsideTransaction: true }
  const targeted = await tooSlowAsNull(readCount(contacts, outside))
  if (targeted === null) {
    blockers.push(audienceTooSlow(t))
  } else if (targeted === 0) {
    blockers.push({
      code: 'empty_audience',
      field: 'audience',
      message: t('readiness.emptyAudience'),
    })
  } else {
    const dialect = dialectOf(trx ?? contacts.client)
    for (const field of mergeFieldNames(variants.map((variant) => variant.body).join('\n'))) {
      if (SENDER_FIELDS.has(field)) continue
      const filled = filledCondition(field, headers, dialect)
      // No column can hold a name with quotes: nobody has it.
      const someone = filled
        ? await tooSlowAsNull(
            readRows(
              contacts
                .clone()
                .whereRaw(filled.sql, filled.bindings as never[])
                .select('contacts.id')
                .limit(1),
              outside
            )
          )
        : []
      if (someone === null) {
        blockers.push(audienceTooSlow(t))
        break
      }
      if (!someone.length) {
        blockers.push({
          code: 'missing_merge_field',
          field: 'script.initial',
          message: t('readiness.missingMergeField', { field }),
        })
      }
    }
  }

  variants.forEach((variant, index) => {
    const { lints } = preview({
      body: variant.body,
      organization,
      firstMessage: true,
      customFieldNames: headers,
      i18n,
    })
    for (const lint of lints) {
      warnings.push({
        code: lint.code,
        field: `script.initial.${index}.body`,
        message:
          variants.length > 1
            ? t('readiness.variant', { number: index + 1, message: lint.message })
            : lint.message,
      })
    }
  })
  return { blockers, warnings, targeted }
}

/** A read's result, or null when it was stopped at the read time limit. */
async function tooSlowAsNull<T>(read: Promise<T>) {
  try {
    return await read
  } catch (error) {
    if (error instanceof SlowReadException && error.reason === 'too_slow') return null
    throw error
  }
}

function audienceTooSlow(t: Translate): Finding {
  return { code: 'audience_too_slow', field: 'audience', message: t('readiness.audienceTooSlow') }
}

/**
 * SQL true for a contact that has a value for merge field `field`; null for
 * a name no column can hold (quotes and backslashes cannot be written in a
 * JSON path). A custom field may be written in another case than its header
 * (see resolveHeader), so every header matching it ignoring case counts.
 */
function filledCondition(field: string, headers: string[], dialect: SqlDialect) {
  if (/["\\]/.test(field)) return null
  const column = CONTACT_COLUMNS[field]
  const values = column
    ? [raw(column)]
    : [field, ...headers.filter((header) => header.toLowerCase() === field.toLowerCase())].map(
        (header) => jsonText(dialect, 'contacts.custom_fields', header)
      )
  return sql`(${join(
    values.map((value) => sql`coalesce(${value}, '') <> ''`),
    ' or '
  )})`
}

async function senderBlockers(
  campaign: Campaign,
  organization: Organization,
  t: Translate,
  trx?: TransactionClientContract
): Promise<Finding[]> {
  const account = campaign.providerAccountId
    ? await ProviderAccount.findForOrganization(
        campaign.organizationId,
        campaign.providerAccountId,
        { client: trx }
      )
    : null
  if (!account) {
    return [
      {
        code: 'no_provider_account',
        field: 'providerAccountId',
        message: t('readiness.noProviderAccount'),
      },
    ]
  }
  if (account.status === 'disabled') {
    return [
      {
        code: 'provider_account_disabled',
        field: 'providerAccountId',
        message: account.statusReason
          ? t('readiness.accountStoppedBecause', {
              account: account.name,
              reason: account.statusReason,
            })
          : t('readiness.accountStopped', { account: account.name }),
      },
    ]
  }
  const numbers = await SenderNumber.query({ client: trx }).where('provider_account_id', account.id)
  const phones = new Set(numbers.map((number) => number.phone))
  const gone = campaign.senderNumbers.filter((phone) => !phones.has(phone))
  if (gone.length) {
    return [
      {
        code: 'sender_number_removed',
        field: 'senderNumbers',
        message: t('readiness.numbersRemoved', { account: account.name, numbers: gone.join(', ') }),
      },
    ]
  }
  if (!numbers.length && !account.pooled) {
    return [
      {
        code: 'no_sender_numbers',
        field: 'senderNumbers',
        message: t('readiness.noSenders', { account: account.name }),
      },
    ]
  }
  if (!organization.settings.requireRegisteredSenders) return []
  return (await registersThroughProvider(account))
    ? providerRegistrationBlockers(account, t, trx)
    : registrationBlockers(campaign, account, numbers, t)
}

/**
 * 10DLC through the provider: the account's campaign registration must be
 * approved (its senders are linked to it when it is).
 */
async function providerRegistrationBlockers(
  account: ProviderAccount,
  t: Translate,
  trx?: TransactionClientContract
): Promise<Finding[]> {
  const registration = await findRegistration(account, 'campaign', trx)
  if (registration?.status === 'approved') return []
  const values = {
    account: account.name,
    status: registration?.status,
    reason: registration?.statusReason,
  }
  const message = !registration
    ? t('readiness.registrationNotSubmitted', values)
    : registration.statusReason
      ? t('readiness.registrationStateBecause', values)
      : t('readiness.registrationState', values)
  return [{ code: 'unregistered_sender', field: 'providerAccountId', message }]
}

/**
 * 10DLC: the senders a launch would use must be marked registered with The
 * Campaign Registry. The chosen numbers, or — none chosen — the account's
 * messaging service / profile when it has one (registered only if the
 * account says so), else every number of the account.
 */
function registrationBlockers(
  campaign: Campaign,
  account: ProviderAccount,
  numbers: SenderNumber[],
  t: Translate
): Finding[] {
  if (!campaign.senderNumbers.length && account.pooled) {
    return account.poolRegistered
      ? []
      : [
          {
            code: 'unregistered_sender',
            field: 'senderNumbers',
            message: t('readiness.poolUnregistered', { account: account.name }),
          },
        ]
  }
  const chosen = new Set(campaign.senderNumbers)
  const unregistered = numbers
    .filter((number) => !number.registered && (!chosen.size || chosen.has(number.phone)))
    .map((number) => number.phone)
  return unregistered.length
    ? [
        {
          code: 'unregistered_sender',
          field: 'senderNumbers',
          message: t('readiness.numbersUnregistered', { numbers: unregistered.join(', ') }),
        },
      ]
    : []
}
