import { parse } from 'csv-parse/sync'
import db from '@adonisjs/lucid/services/db'
import type Membership from '#models/membership'
import { recordOptOut } from '#services/opt_outs/record'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { toE164 } from '#services/contacts/phone_numbers'

/** Kept small so the upload is handled while the person waits. */
export const MAX_OPT_OUT_ROWS = 10_000

const PHONE_HEADERS = ['phone', 'phonenumber', 'cell', 'cellphone', 'mobile', 'number', 'e164']

export type OptOutImportResult = {
  added: number
  alreadyOptedOut: number
  invalid: { row: number; value: string }[]
}

type Params = { actor: Membership; csv: string; reason?: string }

/**
 * Puts every phone of a small CSV on the opt-out list (a suppression list
 * from another tool, a paper list typed up). The phone column is the one
 * headed like "phone" / "cell" / "mobile", or the first column of a file
 * without a header. A "reason" column, when present, is kept per row. Rows
 * are numbered as in a spreadsheet (a header is row 1); rows without a
 * usable phone are reported back, the rest are recorded in one transaction.
 */
export default class ImportOptOuts {
  static async handle({ actor, csv, reason }: Params): Promise<OptOutImportResult> {
    const rows = readRows(csv)
    const header = rows[0]?.map((cell) => cell.toLowerCase().replace(/[\s_-]/g, '')) ?? []
    const phoneColumn = header.findIndex((cell) => PHONE_HEADERS.includes(cell))
    // A first row without a single digit is a header, even one we cannot read.
    const hasHeader = phoneColumn >= 0 || (rows.length > 0 && !/\d/.test(rows[0].join('')))
    if (hasHeader && phoneColumn < 0) {
      throw new ActionRefusedException(
        'Could not find the phone column: name it "phone", or upload one phone per line.'
      )
    }
    const column = Math.max(phoneColumn, 0)
    const reasonColumn = hasHeader ? header.indexOf('reason') : -1
    const dataRows = hasHeader ? rows.slice(1) : rows
    if (dataRows.length > MAX_OPT_OUT_ROWS) {
      throw new ActionRefusedException(
        `This file has ${dataRows.length} rows; upload at most ${MAX_OPT_OUT_ROWS} at a time.`
      )
    }

    const result: OptOutImportResult = { added: 0, alreadyOptedOut: 0, invalid: [] }
    await db.transaction(async (trx) => {
      for (const [index, row] of dataRows.entries()) {
        const value = (row[column] ?? '').trim()
        const phone = toE164(value)
        if (!phone) {
          if (row.some((cell) => cell.trim())) {
            result.invalid.push({ row: index + (hasHeader ? 2 : 1), value })
          }
          continue
        }
        const { created } = await recordOptOut(
          {
            organizationId: actor.organizationId,
            phone,
            source: 'import',
            reason: (reasonColumn >= 0 && row[reasonColumn]?.trim()) || reason || null,
            actorId: actor.userId,
          },
          trx
        )
        if (created) result.added++
        else result.alreadyOptedOut++
      }
    })
    return result
  }
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
    throw new ActionRefusedException('This file could not be read as CSV.')
  }
}
