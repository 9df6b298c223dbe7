import type Membership from '#models/membership'
import InteractionStep from '#models/interaction_step'
import type Campaign from '#models/campaign'
import SaveIntegrationAccount, {
  type IntegrationAccountData,
} from '#actions/integrations/save_integration_account'
import type { IntegrationAccountConfig } from '#integrations/contract'

/** An integration account of `actor`'s organization for a stand-in's config, through the page's action. */
export function createIntegrationAccount(
  actor: Membership,
  config: IntegrationAccountConfig,
  data: Partial<IntegrationAccountData> = {}
) {
  return SaveIntegrationAccount.handle({
    actor,
    data: {
      plugin: config.pluginId,
      name: `${config.pluginId} test`,
      credentials: config.credentials,
      settings: config.settings,
      ...data,
    },
  })
}

/** The campaign's first survey question and its first answer. */
export async function firstQuestion(campaign: Campaign) {
  const question = await InteractionStep.query()
    .where('campaign_id', campaign.id)
    .whereNull('parent_id')
    .firstOrFail()
  const answer = await InteractionStep.query()
    .where('parent_id', question.id)
    .orderBy('id')
    .firstOrFail()
  return { question, answer }
}
