import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AutoAnswerRule from '#models/auto_answer_rule'
import { keywordOf } from '#services/auto_answers/keywords'

/**
 * The enabled rule that answers `body` in this organization: the campaign's
 * own rules first (when the text belongs to a campaign conversation), then
 * the organization's, each in the order they were made.
 */
export async function matchingRule(
  organizationId: number,
  campaignId: number | null,
  body: string,
  trx?: TransactionClientContract
) {
  const keyword = keywordOf(body)
  if (!keyword) return null
  const rules = await AutoAnswerRule.forOrganization(organizationId)
    .if(trx, (query) => query.useTransaction(trx!))
    .where('enabled', true)
    .where((query) => {
      query.whereNull('campaign_id')
      if (campaignId !== null) query.orWhere('campaign_id', campaignId)
    })
    .orderByRaw('campaign_id is null')
    .orderBy('id')
  return rules.find((rule) => rule.keywords.some((word) => keywordOf(word) === keyword)) ?? null
}
