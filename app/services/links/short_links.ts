import { randomInt } from 'node:crypto'
import { appUrl } from '#config/app'

/**
 * Short links: `<link base>/l/<code>`. The code is drawn from a secure
 * random source, from an alphabet without look-alike characters (0/O, 1/l/I),
 * so a code read aloud or retyped still works; 57^10 codes cannot be guessed.
 */
export const CODE_LENGTH = 10
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** What a code looks like; anything else is answered 404 without a lookup. */
export const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`)

export function newCode() {
  let code = ''
  for (let index = 0; index < CODE_LENGTH; index++) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

/** A host name, optionally with a port: `go.example.org`, `links.example.org:8443`. */
export const LINK_DOMAIN =
  /^(?=.{1,253}(:|$))(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?$/

/** Where short links point: APP_URL, its host replaced by the organization's link domain if set. */
export function linkBase(linkDomain: string | null | undefined) {
  const url = new URL(appUrl)
  if (linkDomain) {
    // Setting `host` alone would keep APP_URL's port.
    const [hostname, port] = linkDomain.split(':')
    url.hostname = hostname
    url.port = port ?? ''
  }
  return `${url.origin}/l/`
}

/**
 * An http(s) URL in a text. Punctuation that ends a sentence ("see
 * https://example.org/join.") is left out of it.
 */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+/gi
const TRAILING = /[.,;:!?'")\]}]+$/

/** Replaces each http(s) URL of `text` with `replace(url, position)` (0 for the first). */
export function replaceLinks(text: string, replace: (url: string, position: number) => string) {
  let position = 0
  return text.replace(URL_IN_TEXT, (match) => {
    const trailing = TRAILING.exec(match)?.[0] ?? ''
    const url = match.slice(0, match.length - trailing.length)
    return `${replace(url, position++)}${trailing}`
  })
}

/** The text as it will be sent with tracked links: the same length, a stand-in code. */
export function withStandInLinks(text: string, base: string) {
  return replaceLinks(text, () => `${base}${'x'.repeat(CODE_LENGTH)}`)
}
