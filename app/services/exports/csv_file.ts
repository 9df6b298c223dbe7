import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { dirname, join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parse } from 'csv-parse'
import { storagePath } from '#config/app'
import { csvLine } from '#services/spreadsheet_csv'

/** Exports live in DATA_DIR/exports; rows store paths relative to DATA_DIR. */
export const EXPORTS_DIR = 'exports'

export const absoluteExportPath = (relative: string) => join(storagePath, relative)

/**
 * A CSV file written a chunk at a time, under a temporary name until it is
 * complete, so a half-written export is never offered for download. Writes
 * go through one reused buffer: a million rows would otherwise leave hundreds
 * of megabytes of spent buffers for the garbage collector to find.
 */
export class CsvFile {
  readonly relativePath = join(EXPORTS_DIR, `${randomUUID()}.csv`)
  #final = absoluteExportPath(this.relativePath)
  #body = `${this.#final}.rows`
  #handle: FileHandle | null = null
  #buffer = Buffer.allocUnsafe(4 << 20)

  async open() {
    await mkdir(dirname(this.#body), { recursive: true })
    this.#handle = await open(this.#body, 'w', 0o600)
  }

  async write(text: string) {
    const bytes = Buffer.byteLength(text)
    if (bytes > this.#buffer.length) this.#buffer = Buffer.allocUnsafe(bytes * 2)
    this.#buffer.write(text, 0, bytes)
    await this.#handle!.write(this.#buffer, 0, bytes)
  }

  /**
   * Finishes the file, `header` first when it was only known at the end;
   * `widen` pads rows written before the header's last columns were known.
   * Answers the file's size in bytes.
   */
  async close(header?: string[], widen = false) {
    await this.#handle!.close()
    this.#handle = null
    if (!header) {
      await rename(this.#body, this.#final)
    } else if (widen) {
      await this.#rewrite(header)
    } else {
      await this.#prepend(csvLine(header))
    }
    const handle = await open(this.#final, 'r')
    const { size } = await handle.stat()
    await handle.close()
    return size
  }

  /** Header, then the rows as written, copied through the same buffer. */
  async #prepend(header: string) {
    const partial = `${this.#final}.partial`
    const out = await open(partial, 'w', 0o600)
    const rows = await open(this.#body, 'r')
    try {
      await out.write(header)
      while (true) {
        const { bytesRead } = await rows.read(this.#buffer, 0, this.#buffer.length, null)
        if (!bytesRead) break
        await out.write(this.#buffer, 0, bytesRead)
      }
    } finally {
      await rows.close()
      await out.close()
    }
    await rm(this.#body, { force: true })
    await rename(partial, this.#final)
  }

  /** Header, then every row padded to the header's width (cells are already neutralized). */
  async #rewrite(header: string[]) {
    const partial = `${this.#final}.partial`
    const out = createWriteStream(partial, { mode: 0o600 })
    out.write(csvLine(header))
    const padded = new Transform({
      writableObjectMode: true,
      transform(cells: string[], _encoding, done) {
        done(null, csvLine([...cells, ...Array(header.length - cells.length).fill('')]))
      },
    })
    await pipeline(createReadStream(this.#body), parse({ relax_column_count: true }), padded, out)
    await rm(this.#body, { force: true })
    await rename(partial, this.#final)
  }

  async discard() {
    await this.#handle?.close()
    await rm(this.#body, { force: true })
    await rm(`${this.#final}.partial`, { force: true })
  }
}

/** A timestamp cell: MySQL hands back dates, SQLite the stored text. */
export function timeCell(value: unknown) {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  return String(value)
}
