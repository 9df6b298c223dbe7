import { createHmac, timingSafeEqual } from 'node:crypto'
import { appKey, appUrl } from '#config/app'
import { clock } from '#services/clock'

/**
 * How long a provider may fetch an outgoing picture after the send that
 * handed it the link: providers fetch at once, and retry for a few hours at
 * most. A retried send gets a fresh link.
 */
export const SENT_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000

/** A key of its own for these links, derived from APP_KEY. */
const key = createHmac('sha256', appKey.release()).update('porchlight:sent-media-links').digest()

const signatureOf = (payload: string) =>
  createHmac('sha256', key).update(payload).digest('base64url')

/**
 * The link a provider fetches one outgoing picture from (a message_media
 * row): unguessable without APP_KEY, naming that picture only, good until
 * SENT_LINK_LIFETIME_MS from now.
 */
export function sentPictureUrl(pictureId: number) {
  const expires = Math.floor((clock.now().getTime() + SENT_LINK_LIFETIME_MS) / 1000)
  const payload = `${pictureId}.${expires}`
  return `${appUrl}/media/sent/${payload}.${signatureOf(payload)}`
}

/**
 * What a link's token names: the picture id, or `expired` for a genuine
 * link past its time; null for anything not signed with this key.
 */
export function readSentPictureToken(token: string): { pictureId: number } | 'expired' | null {
  const match = /^(\d{1,12})\.(\d{1,12})\.([\w-]{43})$/.exec(token)
  if (!match) return null
  const [, id, expires, signature] = match
  const expected = Buffer.from(signatureOf(`${id}.${expires}`))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  if (Number(expires) * 1000 <= clock.now().getTime()) return 'expired'
  return { pictureId: Number(id) }
}
