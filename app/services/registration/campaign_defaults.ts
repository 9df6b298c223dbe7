import ScriptVariant from '#models/script_variant'
import type Organization from '#models/organization'
import { HELP_KEYWORDS, START_KEYWORDS, STOP_KEYWORDS } from '#services/webhooks/opt_out_keywords'

/**
 * What a new campaign registration form starts with: the organization's
 * latest distinct initial messages as samples, and the keywords and answers
 * Porchlight actually uses for opt-out, opt-in and help.
 */
export async function campaignDefaults(organization: Organization) {
  const variants = await ScriptVariant.query()
    .where('organization_id', organization.id)
    .orderBy('id', 'desc')
    .limit(50)
  const samples = [...new Set(variants.map((variant) => variant.body.trim()))]
    .filter(Boolean)
    .slice(0, 5)
  return {
    samples,
    optOutKeywords: [...STOP_KEYWORDS],
    optInKeywords: [...START_KEYWORDS],
    helpKeywords: [...HELP_KEYWORDS],
    optOutMessage: organization.settings.optOutReply,
    helpMessage: organization.settings.helpReply,
    optInMessage: `You will get texts from ${organization.name} again. Reply STOP to opt out.`,
  }
}
