/**
 * Keywords match the whole message the way STOP does: case, spaces,
 * punctuation and accents do not count ("Yes!", " y e s ", "YES." and
 * "yés" are all YES; "yes please" is YESPLEASE, a different keyword).
 */
export function keywordOf(text: string) {
  return text
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
}
