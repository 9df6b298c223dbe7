import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { once } from 'node:events'

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

  constructor(private path: string) {}

  async write(row: number, field: string, reason: string) {
    if (!this.#stream) {
      await mkdir(dirname(this.path), { recursive: true })
      this.#stream = createWriteStream(this.path)
      this.#stream.write('\uFEFF' + REPORT_HEADER.join(',') + '\r\n')
    }
    const line = [row, field, reason].map(safeCell).join(',') + '\r\n'
    if (!this.#stream.write(line)) await once(this.#stream, 'drain')
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
