import db from '@adonisjs/lucid/services/db'
import type IntegrationAccount from '#models/integration_account'
import type Campaign from '#models/campaign'

export type MappingKind = 'question' | 'answer' | 'tag' | 'wrong_number' | 'texted'
export type MappingEntry = { kind: MappingKind; localId: number; remoteId: string }

/**
 * Replaces one campaign's mapping to an integration account's CRM ids:
 * survey questions and answers, tags (and the tag meaning "wrong number"),
 * and whether texts are recorded (`texted`, local id 0). Entries with no
 * CRM id are dropped.
 */
export default class SaveCampaignMapping {
  static async handle({
    account,
    campaign,
    entries,
  }: {
    account: IntegrationAccount
    campaign: Campaign
    entries: MappingEntry[]
  }) {
    const rows = entries
      .filter((entry) => entry.remoteId.trim())
      .map((entry) => ({
        account_id: account.id,
        campaign_id: campaign.id,
        kind: entry.kind,
        local_id: entry.localId,
        remote_id: entry.remoteId.trim(),
      }))
    const unique = [...new Map(rows.map((row) => [`${row.kind}:${row.local_id}`, row])).values()]
    await db.transaction(async (trx) => {
      await trx
        .from('integration_mappings')
        .where('account_id', account.id)
        .where('campaign_id', campaign.id)
        .delete()
      if (unique.length) await trx.insertQuery().table('integration_mappings').multiInsert(unique)
    })
  }
}
