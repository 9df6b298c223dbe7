import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { dirname, join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parse } from 'csv-parse'
import { storagePath } from '#config/app'
import { csvLine } from '#services/exports/spreadsheet_csv'

/** Exports live in DATA_DIR/exports; rows store paths relative to DATA_DIR. */
export const EXPORTS_DIR = 'exports'

export const absoluteExportPath = (relative: string) => join(storagePath, relative)

/**
 * A CSV file written line by line, under a temporary name until it is
 * complete, so a half-written export is never offered for download. Each
 * line is copied at once into one of two reused buffers, so neither the
 * line nor a chunk of lines outlives the row it came from (a million rows
 * would otherwise leave hundreds of megabytes for the garbage collector to
 * find). A full buffer goes to disk while the other one fills; a writer
 * faster than the disk waits for the write before (backpressure), so one
 * write at most is in flight and the order holds.
 */
export class CsvFile {
  readonly relativePath = join(EXPORTS_DIR, `${randomUUID()}.csv`)
  #final = absoluteExportPath(this.relativePath)
  #body = `${this.#final}.rows`
  #handle: FileHandle | null = null
  #buffers: [Buffer, Buffer]
  #turn = 0
  #filled = 0
  #inFlight: Promise<unknown> = Promise.resolve()

  constructor(bufferBytes = 1 << 20) {
    this.#buffers = [Buffer.allocUnsafe(bufferBytes), Buffer.allocUnsafe(bufferBytes)]
  }

  async open() {
    await mkdir(dirname(this.#body), { recursive: true })
    this.#handle = await open(this.#body, 'w', 0o600)
  }

  /**
   * Adds `text` to the file. Returns nothing while the current buffer has
   * room (a UTF-16 unit is 3 bytes of UTF-8 at most); otherwise a promise
   * that resolves once the text is taken, to be awaited before writing more.
   */
  write(text: string): Promise<void> | undefined {
    const buffer = this.#buffers[this.#turn]
    if (text.length * 3 > buffer.length - this.#filled) return this.#writeAfterFlush(text)
    this.#filled += buffer.write(text, this.#filled)
  }

  async #writeAfterFlush(text: string) {
    await this.#flush()
    const buffer = this.#buffers[this.#turn]
    if (Buffer.byteLength(text) <= buffer.length) {
      this.#filled = buffer.write(text, 0)
      return
    }
    // Longer than a buffer: written on its own, after what came before.
    await this.#inFlight
    await this.#handle!.write(text)
  }

  /** Sends the filled buffer to disk once the previous write is done; the other one fills meanwhile. */
  async #flush() {
    await this.#inFlight
    if (!this.#filled) return
    this.#inFlight = this.#handle!.write(this.#buffers[this.#turn], 0, this.#filled)
    // Its failure surfaces at the next flush or close; not an unhandled rejection meanwhile.
    this.#inFlight.catch(() => {})
    this.#turn = 1 - this.#turn
    this.#filled = 0
  }

  /**
   * Finishes the file, `header` first when it was only known at the end;
   * `widen` pads rows written before the header's last columns were known.
   * Answers the file's size in bytes.
   */
  async close(header?: string[], widen = false) {
    await this.#flush()
    await this.#inFlight
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
        const [buffer] = this.#buffers
        const { bytesRead } = await rows.read(buffer, 0, buffer.length, null)
        if (!bytesRead) break
        await out.write(buffer, 0, bytesRead)
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
    await this.#inFlight.catch(() => {})
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
