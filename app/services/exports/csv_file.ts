import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { dirname, join } from 'node:path'
import { once } from 'node:events'
import { storagePath } from '#config/app'

/** Exports live in DATA_DIR/exports; rows store paths relative to DATA_DIR. */
export const EXPORTS_DIR = 'exports'

export const absoluteExportPath = (relative: string) => join(storagePath, relative)

/**
 * A CSV file written a chunk at a time, under a temporary name until it is
 * complete, so a half-written export is never offered for download.
 */
export class CsvFile {
  readonly relativePath = join(EXPORTS_DIR, `${randomUUID()}.csv`)
  #partial = `${absoluteExportPath(this.relativePath)}.partial`
  #stream: WriteStream | null = null

  async open() {
    await mkdir(dirname(this.#partial), { recursive: true })
    this.#stream = createWriteStream(this.#partial, { highWaterMark: 1 << 20, mode: 0o600 })
  }

  /** Writes `text`, waiting while the disk catches up so memory stays flat. */
  async write(text: string) {
    if (!this.#stream!.write(text)) await once(this.#stream!, 'drain')
  }

  /** Finishes the file; answers its size in bytes. */
  async close() {
    this.#stream!.end()
    await once(this.#stream!, 'finish')
    await rename(this.#partial, absoluteExportPath(this.relativePath))
    const { size } = await stat(absoluteExportPath(this.relativePath))
    return size
  }

  async discard() {
    this.#stream?.destroy()
    await rm(this.#partial, { force: true })
  }
}

/** A timestamp cell: MySQL hands back dates, SQLite the stored text. */
export function timeCell(value: unknown) {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  return String(value)
}
