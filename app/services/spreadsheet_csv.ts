/**
 * CSV that is safe to open in a spreadsheet. A cell starting with = + - @,
 * a tab or a carriage return could run as a formula (CSV injection), so it
 * gets a leading apostrophe, which spreadsheets read as "this is text".
 * Every cell is quoted; CRLF line ends, as spreadsheets expect.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function safeCell(value: string | number | null | undefined) {
  const text = value === null || value === undefined ? '' : String(value)
  const neutral = FORMULA_START.test(text) ? `'${text}` : text
  return `"${neutral.replaceAll('"', '""')}"`
}

export function csvLine(cells: (string | number | null | undefined)[]) {
  return `${cells.map(safeCell).join(',')}\r\n`
}
