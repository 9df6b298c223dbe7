import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { parse, CsvError } from 'csv-parse'
import ImportFailure, { fixedFailure } from '#services/importer/import_failure'

/**
 * Reads spreadsheets as people export them: UTF-8 with or without a BOM,
 * UTF-16 (Excel's "Unicode text"), or Windows-1252 (older Excel on Windows);
 * CRLF or LF; comma, semicolon, tab or pipe between cells; quoted cells that
 * span lines. The file is streamed, never loaded whole.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
export type CsvFormat = { encoding: Encoding; bomLength: number; delimiter: string }

/** A record and its position in the file: the header is row 1, blank lines do not count. */
export type CsvRecord = { row: number; cells: string[] }

const SNIFF_BYTES = 64 * 1024
const CHUNK_BYTES = 64 * 1024
/** The most one row may hold (csv-parse's `max_record_size`); longer is usually a quote never closed. */
const MAX_RECORD_CHARS = 1_000_000
const DELIMITERS = [',', ';', '\t', '|']

async function readHead(path: string) {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

function startsWith(head: Buffer, bytes: number[]) {
  return bytes.every((byte, i) => head[i] === byte)
}

/** The encoding a BOM announces, or a refusal for files that are not text at all. */
function encodingFromHead(head: Buffer): { encoding: Encoding; bomLength: number } | null {
  if (head.length === 0) throw fixedFailure('empty')
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 }
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 }
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw fixedFailure('excel')
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) {
    throw fixedFailure('pdf')
  }
  if (looksBinary(head)) {
    throw fixedFailure('notText')
  }
  return null
}

/**
 * Zero bytes all through the start of a file: a binary file (or UTF-16
 * without its BOM). A few stray ones in text are named by row instead
 * (see `readRecords`).
 */
function looksBinary(head: Buffer) {
  let zeros = 0
  for (const byte of head) if (byte === 0) zeros++
  return zeros > 8 || zeros * 10 > head.length
}

/** The delimiter that occurs most often outside quotes in the first line. */
function sniffDelimiter(text: string) {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1)
  }
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0]
  return count > 0 ? best : ','
}

async function* decodedChunks(path: string, format: Pick<CsvFormat, 'encoding' | 'bomLength'>) {
  const decoder = new TextDecoder(format.encoding, { fatal: true })
  const stream = createReadStream(path, { start: format.bomLength, highWaterMark: CHUNK_BYTES })
  for await (const chunk of stream) {
    const text = decoder.decode(chunk as Buffer, { stream: true })
    if (text) yield text
  }
  const rest = decoder.decode()
  if (rest) yield rest
}

function isBlank(cells: string[]) {
  return cells.every((cell) => cell.trim() === '')
}

function describeParseError(error: unknown, row: number): never {
  if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
    throw new ImportFailure(
      `Row ${row} starts a quoted cell (") that is never closed, so the rest of the file cannot be read. Fix that row and upload the file again.`,
      { key: 'imports.failures.quoteNotClosed', values: { row } }
    )
  }
  if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') {
    throw new ImportFailure(
      `Row ${row} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters, the most one row may hold. Shorten its cells (or close a quote (") left open there) and upload the file again.`,
      { key: 'imports.failures.rowTooLong', values: { row, max: MAX_RECORD_CHARS } }
    )
  }
  throw error
}

function refuseZeroBytes(cells: string[], row: number) {
  if (cells.some((cell) => cell.includes('\u0000'))) {
    throw new ImportFailure(
      `Row ${row} contains a NUL character (a zero byte), which text never holds: the file may be damaged, or saved in another format. Remove it (or save the file again as CSV UTF-8) and upload the file again.`,
      { key: 'imports.failures.zeroByte', values: { row } }
    )
  }
}

/**
 * Every non-blank record with its row number, the header first. Blank lines
 * and rows of empty cells are skipped and take no row number.
 */
export async function* readRecords(path: string, format: CsvFormat): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter: format.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  })
  // .pipe() does not forward the source's errors (text that is not valid UTF-8).
  const source = Readable.from(decodedChunks(path, format))
  source.on('error', (error) => parser.destroy(error))
  source.pipe(parser)
  let row = 0
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (isBlank(cells)) continue
      row++
      refuseZeroBytes(cells, row)
      yield { row, cells }
    }
  } catch (error) {
    describeParseError(error, row + 1)
  } finally {
    source.destroy()
  }
}

async function countRecords(path: string, format: CsvFormat) {
  let rows = 0
  for await (const record of readRecords(path, format)) rows = record.row
  return rows
}

const isInvalidText = (error: unknown) =>
  (error as { code?: string })?.code === 'ERR_ENCODING_INVALID_ENCODED_DATA'

/**
 * Reads the whole file once without keeping it: settles its encoding (a file
 * that is not valid UTF-8 is Windows-1252), its delimiter and its number of
 * rows, and refuses files that cannot be read — before anything is written.
 */
export async function inspectFile(path: string): Promise<{ format: CsvFormat; rows: number }> {
  const head = await readHead(path)
  const announced = encodingFromHead(head)
  const candidates: Encoding[] = announced ? [announced.encoding] : ['utf-8', 'windows-1252']
  for (const encoding of candidates) {
    const bomLength = announced?.bomLength ?? 0
    try {
      const start = new TextDecoder(encoding).decode(head.subarray(bomLength))
      const format = { encoding, bomLength, delimiter: sniffDelimiter(start) }
      const rows = await countRecords(path, format)
      if (rows === 0) throw fixedFailure('empty')
      if (rows === 1) {
        throw fixedFailure('headerOnly')
      }
      return { format, rows }
    } catch (error) {
      if (!isInvalidText(error)) throw error
    }
  }
  throw fixedFailure('unreadableText')
}

/** The header and the first rows, for the mapping preview. */
export async function readPreview(path: string, format: CsvFormat, rows: number) {
  const records: CsvRecord[] = []
  for await (const record of readRecords(path, format)) {
    records.push(record)
    if (records.length > rows) break
  }
  return records
}
