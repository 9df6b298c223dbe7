import { parse } from 'csv-parse/sync'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { toE164 } from '#services/contacts/phone_numbers'

/** Kept small so the upload is handled while the person waits. */
export const MAX_OPT_OUT_ROWS = 10_000

const PHONE_HEADERS = ['phone', 'phonenumber', 'cell', 'cellphone', 'mobile', 'number', 'e164']

export type OptOutFile = {
  /** Usable phones, with the row's own reason when the file has a "reason" column. */
  entries: { phone: string; reason: string | null }[]
  invalid: { row: number; value: string }[]
}

/**
 * Reads a small opt-out CSV. The phone column is the one headed like
 * "phone" / "cell" / "mobile", or the first column of a file without a
 * header. Rows are numbered as in a spreadsheet (a header is row 1); rows
 * without a usable phone are reported back, blank ones skipped.
 */
export function readOptOutFile(csv: string): OptOutFile {
  const rows = readRows(csv)
  const header = rows[0]?.map((cell) => cell.toLowerCase().replace(/[\s_-]/g, '')) ?? []
  const phoneColumn = header.findIndex((cell) => PHONE_HEADERS.includes(cell))
  // A first row without a single digit is a header, even one we cannot read.
  const hasHeader = phoneColumn >= 0 || (rows.length > 0 && !/\d/.test(rows[0].join('')))
  if (hasHeader && phoneColumn < 0) {
    throw new ActionRefusedException('refusals.optOuts.noPhoneColumn')
  }
  const column = Math.max(phoneColumn, 0)
  const reasonColumn = hasHeader ? header.indexOf('reason') : -1
  const dataRows = hasHeader ? rows.slice(1) : rows
  if (dataRows.length > MAX_OPT_OUT_ROWS) {
    throw new ActionRefusedException((i18n) =>
      i18n.t('refusals.optOuts.tooManyRows', {
        rows: String(dataRows.length),
        max: String(MAX_OPT_OUT_ROWS),
      })
    )
  }

  const file: OptOutFile = { entries: [], invalid: [] }
  for (const [index, row] of dataRows.entries()) {
    const value = (row[column] ?? '').trim()
    const phone = toE164(value)
    if (phone) {
      file.entries.push({ phone, reason: (reasonColumn >= 0 && row[reasonColumn]?.trim()) || null })
    } else if (row.some((cell) => cell.trim())) {
      file.invalid.push({ row: index + (hasHeader ? 2 : 1), value })
    }
  }
  return file
}

function readRows(csv: string): string[][] {
  try {
    return parse(csv, {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    })
  } catch {
    throw new ActionRefusedException('refusals.optOuts.notCsv')
  }
}
