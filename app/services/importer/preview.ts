import type { CountryCode } from 'libphonenumber-js'
import type Import from '#models/import'
import { inspectFile, readPreview } from '#services/importer/csv_source'
import { detectColumns, planColumns, type Column } from '#services/importer/columns'
import { normalizeRow } from '#services/importer/normalize'
import ImportFailure from '#services/importer/import_failure'
import { absolutePath } from '#services/importer/storage'
import type { Phrase, Reader } from '#exceptions/refusal_wording'

const PREVIEW_ROWS = 8

export type ImportPreview = {
  /** Data rows in the file. */
  rows: number
  columns: Column[]
  sample: { row: number; cells: string[]; phone: string | null; problem: string | null }[]
  /** What stops the import from starting as mapped, in the reader's language. */
  problem: string | null
}

/**
 * What the wizard shows before an import starts: the detected (or chosen)
 * mapping and the first rows as they would be read, or why the file cannot
 * be imported.
 */
export async function previewImport(
  record: Import,
  i18n: Reader
): Promise<ImportPreview | { failure: string }> {
  const say = ({ key, values }: Phrase) => i18n.t(key, values)
  try {
    const path = absolutePath(record.filePath)
    const { format, rows } = await inspectFile(path)
    const [header, ...records] = await readPreview(path, format, PREVIEW_ROWS)

    let problem: string | null = null
    let columns: Column[]
    try {
      columns = planColumns(header.cells, record.mapping)
    } catch (error) {
      if (!(error instanceof ImportFailure)) throw error
      problem = say(error.phrase)
      columns = detectColumns(header.cells)
    }
    const firstRows = new Map<string, number>()
    const sample = records.map(({ row, cells }) => {
      const result = problem
        ? null
        : normalizeRow(row, cells, columns, record.defaultRegion as CountryCode)
      if (!result || 'message' in result) {
        return { row, cells, phone: null, problem: result ? say(result.phrase) : null }
      }
      const firstRow = firstRows.get(result.phone)
      if (firstRow) {
        const duplicate = say({ key: 'imports.problems.duplicate', values: { row: firstRow } })
        return { row, cells, phone: null, problem: duplicate }
      }
      firstRows.set(result.phone, row)
      return { row, cells, phone: result.phone, problem: null }
    })
    return { rows: rows - 1, columns, sample, problem }
  } catch (error) {
    if (error instanceof ImportFailure) return { failure: say(error.phrase) }
    throw error
  }
}
