import type { Infer } from '@vinejs/vine/types'
import type Membership from '#models/membership'
import type ProviderAccount from '#models/provider_account'
import type { campaignValidator } from '#validators/tendlc_registration'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { submitCampaign } from '#services/registration/registrations'

type Params = {
  actor: Membership
  account: ProviderAccount
  data: Infer<typeof campaignValidator>
}

/** Registers the account's 10DLC campaign (use case) under its approved brand. */
export default class SubmitCampaign {
  static async handle({ actor, account, data }: Params) {
    if (!data.samples.length) throw new ActionRefusedException('refusals.registration.sampleNeeded')
    if (!data.optOutKeywords.length || !data.helpKeywords.length) {
      throw new ActionRefusedException('refusals.registration.keywordsNeeded')
    }
    return submitCampaign(account, actor.userId, {
      ...data,
      hasEmbeddedLinks: data.hasEmbeddedLinks ?? false,
      hasEmbeddedPhone: data.hasEmbeddedPhone ?? false,
    })
  }
}
