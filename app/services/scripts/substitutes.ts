import { smsEncoding } from '#sms/encoding'

/**
 * GSM-7 stand-ins for characters that would switch a whole text to UCS-2
 * (70 instead of 160 characters per segment). Word processors and phones
 * insert most of these without the author noticing.
 */
const SUBSTITUTES: Record<string, string> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u201B': "'", // ‛
  '\u2032': "'", // ′
  '\u00B4': "'", // ´
  '`': "'",
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u2033': '"', // ″
  '\u00AB': '"', // «
  '\u00BB': '"', // »
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // –
  '\u2014': '-', // —
  '\u2015': '-', // horizontal bar
  '\u2212': '-', // minus sign
  '\u2026': '...', // …
  '\u2022': '-', // •
  '\u00A0': ' ', // non-breaking space
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': ' ',
  '\u200B': '', // zero-width space
  '\uFEFF': '', // byte order mark
}

const isGsm = (text: string) => smsEncoding(text).encoding === 'GSM-7'

/**
 * The stand-in for one non-GSM character: from the table above, else the
 * letter without its accent when that is GSM-7 (á → a, ú → u); null when
 * there is none (emoji, other scripts). An empty string means "remove it".
 */
export function gsmSuggestion(character: string): string | null {
  if (character in SUBSTITUTES) return SUBSTITUTES[character]
  const bare = character.normalize('NFD').replace(/\p{M}/gu, '')
  return bare !== character && bare && isGsm(bare) ? bare : null
}

/** The text with every character that has a stand-in replaced (the one-click fix). */
export function substituteNonGsm(text: string) {
  return Array.from(text)
    .map((character) => (isGsm(character) ? character : (gsmSuggestion(character) ?? character)))
    .join('')
}
