import ProviderAccount from '#models/provider_account'
import sms from '#services/sms'
import type { MediaLimitsContract } from '#sms/types'

/** Picture types the library takes, whatever the providers: what every MMS carrier shows. */
export const LIBRARY_TYPES = ['image/jpeg', 'image/png', 'image/gif']

/** Limits when no plugin says otherwise: what US carriers deliver reliably. */
export const DEFAULT_MEDIA_LIMITS: MediaLimitsContract = {
  maxBytes: 600 * 1024,
  maxDimension: 1600,
  contentTypes: LIBRARY_TYPES,
}

/** The limits a picture must meet for every plugin in `limits`: the smallest of each. */
export function strictest(limits: MediaLimitsContract[]): MediaLimitsContract {
  if (limits.length === 0) return DEFAULT_MEDIA_LIMITS
  const types = limits.reduce(
    (common, each) => common.filter((type) => each.contentTypes.includes(type)),
    LIBRARY_TYPES
  )
  return {
    maxBytes: Math.min(...limits.map((each) => each.maxBytes)),
    maxDimension: Math.min(...limits.map((each) => each.maxDimension)),
    // A JPEG goes everywhere a picture goes.
    contentTypes: types.length ? types : ['image/jpeg'],
  }
}

/**
 * What the organization's pictures must fit: the strictest limits among the
 * MMS plugins of its active provider accounts (the default without any).
 */
export async function mediaLimitsFor(organizationId: number): Promise<MediaLimitsContract> {
  const accounts = await ProviderAccount.forOrganization(organizationId)
    .where('status', 'active')
    .distinct('provider')
  const plugins = await Promise.all(
    accounts
      .filter((account) => sms.has(account.provider))
      .map((account) => sms.plugin(account.provider))
  )
  return strictest(
    plugins
      .filter(({ manifest }) => manifest.capabilities.mms)
      .map(({ manifest }) => manifest.mediaLimits ?? DEFAULT_MEDIA_LIMITS)
  )
}
