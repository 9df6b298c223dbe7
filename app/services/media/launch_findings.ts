import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Campaign from '#models/campaign'
import CannedResponse from '#models/canned_response'
import FollowUpStep from '#models/follow_up_step'
import ProviderAccount from '#models/provider_account'
import ScriptVariant from '#models/script_variant'
import type { Finding } from '#services/campaigns/readiness'
import sms from '#services/sms'
import type { Translate } from '#services/i18n/translator'

/** Whether the provider account's plugin can send pictures (its `mms` capability). */
export async function accountSendsPictures(account: ProviderAccount) {
  if (!sms.has(account.provider)) return false
  const plugin = await sms.plugin(account.provider)
  return plugin.manifest.capabilities.mms
}

/**
 * What the campaign's pictures mean for its launch when its provider
 * account cannot send MMS: pictures on the first text or a follow-up would
 * go out automatically, so they block the launch; pictures only on canned
 * responses are a warning (texters are refused them when they pick one).
 */
export async function pictureFindings(
  campaign: Campaign,
  t: Translate,
  trx?: TransactionClientContract
) {
  const blockers: Finding[] = []
  const warnings: Finding[] = []
  if (!campaign.providerAccountId) return { blockers, warnings }
  const account = await ProviderAccount.find(campaign.providerAccountId, { client: trx })
  if (!account || (await accountSendsPictures(account))) return { blockers, warnings }

  const [variants, steps, responses] = await Promise.all([
    ScriptVariant.query({ client: trx }).where('campaign_id', campaign.id),
    FollowUpStep.query({ client: trx }).where('campaign_id', campaign.id),
    CannedResponse.query({ client: trx }).where('campaign_id', campaign.id),
  ])
  if (variants.some((variant) => variant.mediaIds.length)) {
    blockers.push({
      code: 'mms_unsupported',
      field: 'script.initial',
      message: t('readiness.mmsFirstText', { account: account.name }),
    })
  }
  if (steps.some((step) => step.variants.some((variant) => variant.mediaIds?.length))) {
    blockers.push({
      code: 'mms_unsupported',
      field: 'script.followUps',
      message: t('readiness.mmsFollowUps', { account: account.name }),
    })
  }
  if (responses.some((response) => response.mediaIds.length)) {
    warnings.push({
      code: 'mms_unsupported_replies',
      field: 'script.cannedResponses',
      message: t('readiness.mmsCannedResponses', { account: account.name }),
    })
  }
  return { blockers, warnings }
}
