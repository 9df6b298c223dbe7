/**
 * CSV that is safe to open in a spreadsheet. A cell starting with = + - @,
 * a tab or a carriage return could run as a formula (CSV injection), so it
 * gets a leading apostrophe, which spreadsheets read as "this is text".
 * Every cell is quoted; CRLF line ends, as spreadsheets expect.
 *
 * Exports write millions of cells, so this looks at character codes rather
 * than running a regular expression per cell.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r'].map((char) => char.charCodeAt(0)))

export function safeCell(value: string | number | null | undefined) {
  if (value === null || value === undefined) return '""'
  const text = typeof value === 'string' ? value : String(value)
  const neutral = FORMULA_START.has(text.charCodeAt(0)) ? `'${text}` : text
  return neutral.includes('"') ? `"${neutral.replaceAll('"', '""')}"` : `"${neutral}"`
}

export function csvLine(cells: (string | number | null | undefined)[]) {
  let line = ''
  for (const cell of cells) line += line ? `,${safeCell(cell)}` : safeCell(cell)
  return `${line}\r\n`
}
