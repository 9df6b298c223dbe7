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
 * marked registered blocks too (see registrationBlockers).
 */
export async function launchReadiness(
  campaign: Campaign,
  organization: Organization,
  /** `customFieldHeaders(organizationId)`, read before any transaction opens. */
  headers: string[],
  /** The launch's transaction, which has written nothing yet (its audience is read outside it). */
  trx?: TransactionClientContract
) {
  const blockers: Finding[] = []
  const warnings: Finding[] = []
  blockers.push(...(await senderBlockers(campaign, organization, trx)))
  const pictures = await pictureFindings(campaign, trx)
  blockers.push(...pictures.blockers)
  warnings.push(...pictures.warnings)

  const variants = await ScriptVariant.query({ client: trx })
    .where('campaign_id', campaign.id)
    .orderBy('position')
  if (!variants.length) {
    blockers.push({
      code: 'no_script',
      field: 'script.initial',
      message: 'Write the initial message',
    })
  }

  const { contacts } = await audienceContacts(campaign.organizationId, campaign.audience, {
    trx,
    campaignId: campaign.id,
  })
  const outside = { outsideTransaction: true }
  const targeted = await tooSlowAsNull(readCount(contacts, outside))
  if (targeted === null) {
    blockers.push(audienceTooSlow())
  } else if (targeted === 0) {
    blockers.push({
      code: 'empty_audience',
      field: 'audience',
      message:
        'Nobody is left in the audience once opted-out, erased and invalid numbers are removed',
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
        blockers.push(audienceTooSlow())
        break
      }
      if (!someone.length) {
        blockers.push({
          code: 'missing_merge_field',
          field: 'script.initial',
          message: `No contact in the audience has {${field}}: fix the field name or the audience`,
        })
      }
    }
  }

  variants.forEach((variant, index) => {
    const label = variants.length > 1 ? `Variant ${index + 1}: ` : ''
    const { lints } = preview({
      body: variant.body,
      organization,
      firstMessage: true,
      customFieldNames: headers,
    })
    for (const lint of lints) {
      warnings.push({
        code: lint.code,
        field: `script.initial.${index}.body`,
        message: label + lint.message,
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

function audienceTooSlow(): Finding {
  return {
    code: 'audience_too_slow',
    field: 'audience',
    message:
      'Reading this audience takes too long: narrow its segment (fewer conditions, or ones that rule out more contacts)',
  }
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
        message: 'Choose a provider account',
      },
    ]
  }
  if (account.status === 'disabled') {
    return [
      {
        code: 'provider_account_disabled',
        field: 'providerAccountId',
        message: `The provider account “${account.name}” is stopped${account.statusReason ? `: ${account.statusReason}` : ''}`,
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
        message: `No longer numbers of “${account.name}”: ${gone.join(', ')}`,
      },
    ]
  }
  if (!numbers.length && !account.pooled) {
    return [
      {
        code: 'no_sender_numbers',
        field: 'senderNumbers',
        message: `“${account.name}” has no sender numbers or messaging service to send from`,
      },
    ]
  }
  if (!organization.settings.requireRegisteredSenders) return []
  return (await registersThroughProvider(account))
    ? providerRegistrationBlockers(account, trx)
    : registrationBlockers(campaign, account, numbers)
}

/**
 * 10DLC through the provider: the account's campaign registration must be
 * approved (its senders are linked to it when it is).
 */
async function providerRegistrationBlockers(
  account: ProviderAccount,
  trx?: TransactionClientContract
): Promise<Finding[]> {
  const registration = await findRegistration(account, 'campaign', trx)
  if (registration?.status === 'approved') return []
  const state = registration
    ? `is ${registration.status}${registration.statusReason ? `: ${registration.statusReason}` : ''}`
    : 'has not been submitted'
  return [
    {
      code: 'unregistered_sender',
      field: 'providerAccountId',
      message: `The 10DLC campaign registration of “${account.name}” ${state}`,
    },
  ]
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
  numbers: SenderNumber[]
): Finding[] {
  if (!campaign.senderNumbers.length && account.pooled) {
    return account.poolRegistered
      ? []
      : [
          {
            code: 'unregistered_sender',
            field: 'senderNumbers',
            message: `The messaging service / profile of “${account.name}” is not marked registered (10DLC)`,
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
          message: `Not registered (10DLC), as this organization requires: ${unregistered.join(', ')}`,
        },
      ]
    : []
}
