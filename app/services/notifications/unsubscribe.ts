import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'
import type { NotificationKind } from '#services/notifications/kinds'

/** The signature's purpose: a link made for anything else does not unsubscribe. */
export const UNSUBSCRIBE_PURPOSE = 'unsubscribe'

/**
 * The link that turns one kind of email off for one person, with no sign-in:
 * the signature (keyed by APP_KEY) is the proof. It does not expire — an
 * old email must still be able to stop the next one (RFC 8058).
 */
export function unsubscribeUrl(userId: number, kind: NotificationKind) {
  return signedUrlFor(
    'email_unsubscribes.show',
    { userId, kind },
    { purpose: UNSUBSCRIBE_PURPOSE, prefixUrl: appUrl }
  )
}
