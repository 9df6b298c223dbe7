import { randomBytes } from 'node:crypto'
import { readFile, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UPLOAD_TMP_DIR } from '#services/uploads'

/**
 * A CSV whose bytes exist nowhere else, so every copy of it on disk can be found.
 */
export function markedCsv(rows = 1) {
  const marker = randomBytes(16).toString('hex')
  const lines = ['phone,note']
  for (let i = 0; i < rows; i++)
    lines.push(`+1415555${String(i % 10000).padStart(4, '0')},${marker}`)
  return { marker, content: Buffer.from(lines.join('\n') + '\n') }
}

/** A multipart/form-data body carrying `content` as the CSV file field `file`, for raw requests. */
export function multipartCsvBody(content: Buffer) {
  const boundary = 'porchlight-test-boundary'
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="contacts.csv"\r\n` +
        'Content-Type: text/csv\r\n\r\n'
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { contentType: `multipart/form-data; boundary=${boundary}`, body }
}

async function filesIn(dir: string) {
  try {
    const entries = await readdir(dir, { withFileTypes: true })
    return entries.filter((entry) => entry.isFile()).map((entry) => join(dir, entry.name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** How many files the upload temp folder holds. */
export async function uploadTmpCount() {
  const files = await filesIn(UPLOAD_TMP_DIR)
  return files.length
}

/**
 * The files in the OS temp folder or the upload temp folder holding `marker`
 * (a request's file written there, whole or in part).
 */
export async function copiesOnDisk(marker: string) {
  const found: string[] = []
  const candidates = [...(await filesIn(tmpdir())), ...(await filesIn(UPLOAD_TMP_DIR))]
  for (const path of candidates) {
    try {
      const { size } = await stat(path)
      if (size > 50_000_000) continue
      const bytes = await readFile(path)
      if (bytes.includes(marker)) found.push(path)
    } catch {
      // Another program's file that went away or cannot be read is not ours.
    }
  }
  return found
}
