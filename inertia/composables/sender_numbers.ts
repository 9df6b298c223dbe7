/**
 * Sender numbers typed one per line (or separated by commas) as a list.
 */
export function numbersFromText(text: unknown): string[] {
  return String(text ?? '')
    .split(/[\n,]+/)
    .map((line) => line.replace(/[\s().-]/g, ''))
    .filter(Boolean)
}
