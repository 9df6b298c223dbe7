import type { Infer } from '@vinejs/vine/types'
import { DateTime } from 'luxon'
import type Membership from '#models/membership'
import type ProviderAccount from '#models/provider_account'
import type { brandValidator } from '#validators/tendlc_registration'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { parseCampaignVerifyToken } from '#services/registration/campaign_verify'
import { submitBrand } from '#services/registration/registrations'
import { clock } from '#services/clock'
import { tokenExpiry } from '#services/registration/campaign_verify'

type Params = {
  actor: Membership
  account: ProviderAccount
  data: Infer<typeof brandValidator>
}

/**
 * Registers the organization's brand through the account's provider. A
 * political committee must paste a well-formed, unexpired Campaign Verify
 * token first.
 */
export default class SubmitBrand {
  static async handle({ actor, account, data }: Params) {
    const token = data.campaignVerifyToken || undefined
    if (data.entityType === 'political_committee' && !token) {
      throw new ActionRefusedException('refusals.registration.verifyTokenNeeded')
    }
    if (token) {
      const parsed = parseCampaignVerifyToken(token)
      if (!parsed.valid) throw new ActionRefusedException(parsed.errorKey!)
      const expiresAt = parsed.expiresAt ?? tokenExpiry(data.campaignVerifyExpiresOn)
      if (expiresAt && expiresAt < clock.dateTime()) {
        throw new ActionRefusedException((i18n) =>
          i18n.t('refusals.registration.verifyTokenExpired', {
            // English keeps the ISO date it always showed; other languages write theirs.
            date:
              i18n.locale === 'en'
                ? expiresAt.toISODate()!
                : expiresAt.setLocale(i18n.locale).toLocaleString(DateTime.DATE_MED),
          })
        )
      }
    }
    return submitBrand(account, actor.userId, {
      ...data,
      campaignVerifyToken: token,
      campaignVerifyExpiresOn: token ? data.campaignVerifyExpiresOn : undefined,
    })
  }
}
