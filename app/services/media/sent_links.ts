import { createHmac, timingSafeEqual } from 'node:crypto'
import { appKey, appUrl } from '#config/app'
import { clock } from '#services/clock'

/**
 * How long a provider may fetch a picture after the send that handed it the
 * link: providers fetch at once, and retry for a few hours at most. A
 * retried send gets a fresh link.
 */
export const SENT_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000

/** What a link may name: a picture id, or a stored file's random name. */
const SUBJECT = /^[\w-]{1,80}$/

/** A key of its own for these links, derived from APP_KEY. */
const key = createHmac('sha256', appKey.release()).update('porchlight:sent-media-links').digest()

/** Links of one kind never open another kind's pictures. */
type LinkKind = 'sent' | 'carrier'

const signatureOf = (kind: LinkKind, payload: string) =>
  createHmac('sha256', key).update(`${kind}:${payload}`).digest('base64url')

/**
 * An unguessable link under `APP_URL/<path>/` to `subject` (of `kind`),
 * good until SENT_LINK_LIFETIME_MS from now.
 */
export function signedMediaUrl(kind: LinkKind, path: string, subject: string) {
  if (!SUBJECT.test(subject)) throw new Error(`Cannot sign a link to "${subject}"`)
  const expires = Math.floor((clock.now().getTime() + SENT_LINK_LIFETIME_MS) / 1000)
  const payload = `${subject}.${expires}`
  return `${appUrl}/${path}/${payload}.${signatureOf(kind, payload)}`
}

/**
 * What a link's token names: its subject, or `expired` for a genuine link
 * past its time; null for anything not signed with this key for `kind`.
 */
export function readSignedToken(
  kind: LinkKind,
  token: string
): { subject: string } | 'expired' | null {
  const match = /^([\w-]{1,80})\.(\d{1,12})\.([\w-]{43})$/.exec(token)
  if (!match) return null
  const [, subject, expires, signature] = match
  const expected = Buffer.from(signatureOf(kind, `${subject}.${expires}`))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  if (Number(expires) * 1000 <= clock.now().getTime()) return 'expired'
  return { subject }
}

/** The link a provider fetches one outgoing picture (a message_media row) from. */
export function sentPictureUrl(pictureId: number) {
  return signedMediaUrl('sent', 'media/sent', String(pictureId))
}
