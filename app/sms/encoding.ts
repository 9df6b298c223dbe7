/**
 * How a text is encoded and split into segments on the wire, which is what
 * carriers bill. GSM-7 when every character is in the GSM 03.38 basic or
 * extension table, UCS-2 (UTF-16) otherwise.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2'

export interface SmsEncodingInfo {
  encoding: SmsEncoding
  /** Segments the text is sent as; 0 for an empty text. */
  segments: number
  /** Encoded length: septets for GSM-7 (extension characters count 2), UTF-16 units for UCS-2. */
  characters: number
  /** Each distinct character that forced UCS-2, in order of first appearance. */
  nonGsmCharacters: string[]
}

/** The GSM 03.38 basic table (the escape code itself excluded): one septet each. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
)

/** The extension table: sent as escape + character, two septets each. */
const GSM_EXTENSION = new Set('^{}\\[~]|€\f')

/** Units in one unsplit message, and per part of a concatenated one (the rest is the UDH). */
const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
}

/**
 * Segments needed for characters of the given unit widths. A character is
 * never split: when it does not fit in what is left of a part, it starts
 * the next one (GSM escape pairs, UTF-16 surrogate pairs).
 */
function countSegments(widths: number[], total: number, encoding: SmsEncoding) {
  const { single, part } = LIMITS[encoding]
  if (total === 0) return 0
  if (total <= single) return 1

  let segments = 1
  let used = 0
  for (const width of widths) {
    if (used + width > part) {
      segments += 1
      used = 0
    }
    used += width
  }
  return segments
}

export function smsEncoding(body: string): SmsEncodingInfo {
  // Iterating a string yields code points, so an emoji is one item of two UTF-16 units.
  const characters = Array.from(body)
  const nonGsm = new Set<string>()
  for (const character of characters) {
    if (!GSM_BASIC.has(character) && !GSM_EXTENSION.has(character)) nonGsm.add(character)
  }

  const encoding: SmsEncoding = nonGsm.size ? 'UCS-2' : 'GSM-7'
  const widths = characters.map((character) =>
    encoding === 'UCS-2' ? character.length : GSM_EXTENSION.has(character) ? 2 : 1
  )
  const total = widths.reduce((sum, width) => sum + width, 0)

  return {
    encoding,
    segments: countSegments(widths, total, encoding),
    characters: total,
    nonGsmCharacters: [...nonGsm],
  }
}
