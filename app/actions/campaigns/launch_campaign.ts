import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { errors } from '@vinejs/vine'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Campaign from '#models/campaign'
import Organization from '#models/organization'
import ScriptVariant from '#models/script_variant'
import type Membership from '#models/membership'
import { audienceContacts } from '#services/campaigns/audience'
import { launchReadiness } from '#services/campaigns/readiness'
import { pickVariant } from '#services/campaigns/variants'
import { audit } from '#services/audit'
import { recordEvent } from '#services/outbound_webhooks/events'
import { customFieldHeaders } from '#services/contacts/custom_field_headers'
import { forUpdate } from '#services/db/row_locks'
import { sqlTime } from '#services/db/sql_time'
import { readRows } from '#services/db/read_pool'
import type { Translator } from '#services/i18n/translator'
import { refusedField } from '#exceptions/worded_issues'

const CHUNK = 500

/**
 * Launches a draft: in one transaction, with the campaign's row locked,
 * re-checks every blocker, snapshots the audience into campaign_contacts
 * (each contact with its variant, chosen deterministically by weight) and
 * opens the campaign. A second launch — a retry, a double click, a parallel
 * request — finds the campaign active and changes nothing; the unique
 * (campaign, contact) key would refuse a duplicate row anyway.
 */
export default class LaunchCampaign {
  static async handle({
    actor,
    campaign,
    i18n,
  }: {
    actor: Membership
    campaign: Campaign
    /** The wording of the blockers (the request's language); English when not given. */
    i18n?: Translator
  }) {
    // Read outside the transaction: it takes its own connection.
    const headers = await customFieldHeaders(campaign.organizationId)
    return db.transaction(async (trx) => {
      const locked = await forUpdate(
        Campaign.query({ client: trx }).where('id', campaign.id)
      ).firstOrFail()

      if (locked.status === 'active') {
        return { campaign: locked, targeted: await targetedCount(trx, locked.id), warnings: [] }
      }
      if (locked.status !== 'draft') {
        throw refusedField('status', 'status', 'refusals.fields.onlyDraftLaunches', {
          status: locked.status,
        })
      }

      const organization = await Organization.query({ client: trx })
        .where('id', locked.organizationId)
        .firstOrFail()
      const { blockers, warnings } = await launchReadiness(locked, organization, headers, {
        trx,
        i18n,
      })
      if (blockers.length) {
        throw new errors.E_VALIDATION_ERROR(
          blockers.map(({ field, message, code }) => ({ field, message, rule: code }))
        )
      }

      const targeted = await snapshotAudience(trx, locked)
      const now = DateTime.now()
      locked.merge({ status: 'active', launchedAt: now })
      await locked.useTransaction(trx).save()
      await audit(
        {
          organizationId: locked.organizationId,
          userId: actor.userId,
          action: 'campaign.launched',
          subject: { type: 'campaign', id: locked.id },
          details: { targeted },
        },
        trx
      )
      await recordEvent(trx, {
        organizationId: locked.organizationId,
        type: 'campaign.launched',
        data: { campaign: { id: locked.id, name: locked.name, status: locked.status }, targeted },
      })
      return { campaign: locked, targeted, warnings }
    })
  }
}

/** Writes one campaign_contacts row per audience contact; answers how many. */
async function snapshotAudience(trx: TransactionClientContract, campaign: Campaign) {
  const variants = await ScriptVariant.query({ client: trx })
    .where('campaign_id', campaign.id)
    .orderBy('position')
  const { contacts } = await audienceContacts(campaign.organizationId, campaign.audience, {
    trx,
    campaignId: campaign.id,
  })
  // Read before anything is written, so the read pool can read it outside this transaction.
  const rows = await readRows<{ id: number }>(
    contacts.select('contacts.id').orderBy('contacts.id'),
    { outsideTransaction: true }
  )
  const now = sqlTime(DateTime.now())
  for (let start = 0; start < rows.length; start += CHUNK) {
    await trx
      .insertQuery()
      .table('campaign_contacts')
      .multiInsert(
        rows.slice(start, start + CHUNK).map(({ id }) => ({
          organization_id: campaign.organizationId,
          campaign_id: campaign.id,
          contact_id: id,
          variant_id: pickVariant(campaign.id, id, variants).id,
          status: 'needs_message',
          created_at: now,
          updated_at: now,
        }))
      )
  }
  return rows.length
}

async function targetedCount(trx: TransactionClientContract, campaignId: number) {
  const [row] = await trx
    .from('campaign_contacts')
    .where('campaign_id', campaignId)
    .count('* as total')
  return Number(row.total)
}
