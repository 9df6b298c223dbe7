import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Twilio's request signature (X-Twilio-Signature): base64 HMAC-SHA1, keyed
 * with the account's auth token, over the full URL Twilio called followed by
 * every POST parameter as name + value, names sorted.
 */
export const SIGNATURE_HEADER = 'x-twilio-signature'

/**
 * Form parameters as Twilio signs them: a repeated name contributes each of
 * its distinct values, sorted.
 */
function signedParams(params: URLSearchParams) {
  const grouped = new Map<string, string[]>()
  for (const [name, value] of params) grouped.set(name, [...(grouped.get(name) ?? []), value])
  return [...grouped.keys()]
    .sort()
    .map((name) =>
      [...new Set(grouped.get(name))]
        .sort()
        .map((value) => name + value)
        .join('')
    )
    .join('')
}

export function twilioSignature(authToken: string, url: string, params: URLSearchParams) {
  return createHmac('sha1', authToken)
    .update(Buffer.from(url + signedParams(params), 'utf-8'))
    .digest('base64')
}

/**
 * The URL as given, and with its default port added or removed: proxies and
 * Twilio disagree about whether ":443" is part of the URL.
 */
export function urlVariants(url: string) {
  const parsed = new URL(url)
  const defaultPort = parsed.protocol === 'https:' ? '443' : '80'
  const match = url.match(/^(https?:\/\/[^/?#]+?)(:\d+)?([/?#].*)?$/i)
  if (!match) return [url]
  const [, origin, port = '', rest = ''] = match
  if (port && port !== `:${defaultPort}`) return [url]
  return port ? [url, origin + rest] : [url, `${origin}:${defaultPort}${rest}`]
}

export function isValidTwilioSignature(
  authToken: string,
  url: string,
  rawBody: string,
  given: string | undefined
) {
  if (!authToken || !given) return false
  const actual = Buffer.from(given)
  const params = new URLSearchParams(rawBody)
  return urlVariants(url).some((candidate) => {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params))
    return expected.length === actual.length && timingSafeEqual(expected, actual)
  })
}
