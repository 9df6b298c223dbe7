import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Campaign from '#models/campaign'
import type Organization from '#models/organization'
import ProviderAccount from '#models/provider_account'
import ScriptVariant from '#models/script_variant'
import SenderNumber from '#models/sender_number'
import { audienceContacts } from '#services/campaigns/audience'
import {
  CONTACT_FIELD_COLUMNS,
  SENDER_FIELDS,
  mergeFieldsOf,
} from '#services/campaigns/merge_fields'
import { dialectOf, jsonText } from '#services/sql'

/** A reason a launch is refused (blocker) or worth a second look (warning). */
export type Finding = { code: string; field: string; message: string }

const OPT_OUT_LANGUAGE = /\b(stop|opt[\s-]?out|unsubscribe)\b/i
const LINK = /(https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(ly|gl|co|link|me|to|io)\/\S*/i

/**
 * Everything that decides whether a campaign can launch: blockers (no
 * sender, a disabled provider account, an empty audience, a merge field no
 * contact of the audience has) and warnings that do not block (no opt-out
 * language, no organization name, a link — carriers filter shortened links).
 * `targeted` is how many contacts the launch would snapshot right now.
 *
 * Registration (10DLC) is not checked yet: organizations have no setting
 * that says registration is required.
 */
export async function launchReadiness(
  campaign: Campaign,
  organization: Organization,
  trx?: TransactionClientContract
) {
  const blockers: Finding[] = []
  const warnings: Finding[] = []
  blockers.push(...(await senderBlockers(campaign, trx)))

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
  const [row] = await contacts.clone().count('* as total').pojo<{ total: number | string }>()
  const targeted = Number(row.total)
  if (targeted === 0) {
    blockers.push({
      code: 'empty_audience',
      field: 'audience',
      message:
        'Nobody is left in the audience once opted-out, erased and invalid numbers are removed',
    })
  } else {
    const dialect = dialectOf(trx ?? contacts.client)
    for (const field of mergeFieldsOf(variants.map((variant) => variant.body))) {
      if (SENDER_FIELDS.has(field)) continue
      const column = CONTACT_FIELD_COLUMNS[field]
      const value = column
        ? { sql: column, bindings: [] }
        : jsonText(dialect, 'contacts.custom_fields', field)
      const someone = await contacts
        .clone()
        .whereRaw(`coalesce(${value.sql}, '') <> ''`, value.bindings as never[])
        .select('contacts.id')
        .first()
      if (!someone) {
        blockers.push({
          code: 'missing_merge_field',
          field: 'script.initial',
          message: `No contact in the audience has {${field}}: fix the field name or the audience`,
        })
      }
    }
  }

  variants.forEach((variant, index) => {
    const field = `script.initial.${index}.body`
    const label = variants.length > 1 ? `Variant ${index + 1}` : 'The initial message'
    if (!OPT_OUT_LANGUAGE.test(variant.body)) {
      warnings.push({
        code: 'no_opt_out_language',
        field,
        message: `${label} does not say how to opt out (e.g. “Reply STOP to opt out”)`,
      })
    }
    const named =
      variant.body.includes('{orgName}') ||
      variant.body.toLowerCase().includes(organization.name.toLowerCase())
    if (!named) {
      warnings.push({
        code: 'no_org_name',
        field,
        message: `${label} does not name the organization`,
      })
    }
    if (LINK.test(variant.body)) {
      warnings.push({
        code: 'link',
        field,
        message: `${label} has a link: carriers often filter texts with links, shortened ones most`,
      })
    }
  })
  return { blockers, warnings, targeted }
}

async function senderBlockers(campaign: Campaign, trx?: TransactionClientContract) {
  const account = campaign.providerAccountId
    ? await ProviderAccount.forOrganization(campaign.organizationId)
        .where('id', campaign.providerAccountId)
        .if(trx, (query) => query.useTransaction(trx!))
        .first()
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
  const pooled = ['messagingServiceSid', 'messagingProfileId'].some((key) => account.settings[key])
  if (!numbers.length && !pooled) {
    return [
      {
        code: 'no_sender_numbers',
        field: 'senderNumbers',
        message: `“${account.name}” has no sender numbers or messaging service to send from`,
      },
    ]
  }
  return []
}
