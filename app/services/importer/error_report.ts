import { createReadStream, createWriteStream, existsSync, type WriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { once } from 'node:events'
import { parse } from 'csv-parse'
import type Import from '#models/import'

/**
 * A cell a spreadsheet will not run as a formula: values starting with
 * = + - @ tab or carriage return get a leading apostrophe (OWASP's advice
 * against CSV injection), then CSV quoting.
 */
export function safeCell(value: string | number) {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const REPORT_HEADER = ['row', 'field', 'reason']

/**
 * The per-row report of an import (row, field, reason), written as rows are
 * processed so it never sits in memory.
 */
export class ErrorReportWriter {
  #stream: WriteStream | null = null
  #written: Promise<void> = Promise.resolve()

  constructor(private path: string) {}

  /**
   * The report of an import that stopped part-way, to go on with: it keeps
   * the lines of rows up to `lastRow` (those whose outcome was saved) and
   * drops any written for rows after it, which will be read again.
   */
  static async continuing(path: string, lastRow: number) {
    const writer = new ErrorReportWriter(path)
    if (!existsSync(path)) return writer
    const stopped = `${path}.stopped`
    await rename(path, stopped)
    try {
      const lines = createReadStream(stopped).pipe(
        parse({ bom: true, from_line: 2, raw: true, relax_column_count: true })
      )
      for await (const { record, raw } of lines as AsyncIterable<{
        record: string[]
        raw: string
      }>) {
        if (Number(record[0]) <= lastRow) await writer.#line(raw.replace(/\r?\n?$/, '\r\n'))
      }
    } finally {
      await rm(stopped, { force: true })
    }
    return writer
  }

  async write(row: number, field: string, reason: string) {
    await this.#line([row, field, reason].map(safeCell).join(',') + '\r\n')
  }

  async #line(line: string) {
    if (!this.#stream) {
      await mkdir(dirname(this.path), { recursive: true })
      this.#stream = createWriteStream(this.path)
      this.#stream.write('\uFEFF' + REPORT_HEADER.join(',') + '\r\n')
    }
    const stream = this.#stream
    const written = new Promise<void>((resolve, reject) =>
      stream.write(line, (error) => (error ? reject(error) : resolve()))
    )
    // A failed write also fails every later one; `flush` reports the last.
    written.catch(() => {})
    this.#written = written
    if (stream.writableNeedDrain) await once(stream, 'drain')
  }

  /** Resolves once every line so far is handed to the file (it outlives a killed process). */
  async flush() {
    await this.#written
  }

  /** Whether anything was written (no report file when every row went in). */
  get hasRows() {
    return this.#stream !== null
  }

  async close() {
    if (!this.#stream) return
    this.#stream.end()
    await once(this.#stream, 'finish')
  }
}

/** The name the report downloads under. */
export const reportFileName = (record: Import) => `import-${record.id}-rows-not-imported.csv`
