import { refusedField } from '#exceptions/worded_issues'
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { RuntimeException } from '@adonisjs/core/exceptions'
import string from '@adonisjs/core/helpers/string'
import { storagePath } from '#config/app'

/**
 * Uploaded files are written here while their request runs; the request's
 * action moves what it keeps elsewhere in DATA_DIR and the rest is deleted
 * when the request ends. A folder of this instance's own (not the OS temp
 * folder), so sweeping it never touches another program's files, and moving
 * a kept file is a rename on the same disk.
 */
export const UPLOAD_TMP_DIR = join(storagePath, 'upload-tmp')

/**
 * A file in UPLOAD_TMP_DIR untouched for this long belongs to no request:
 * Node ends a request whose body takes more than 5 minutes to arrive, and
 * every action is done with its file soon after. Other processes sharing
 * DATA_DIR may be receiving files, so younger ones are left alone.
 */
export const LEFTOVER_AFTER_MS = 60 * 60 * 1000

/** The temp files of each request that accepts uploads (see UploadsMiddleware). */
const filesOfRequest = new WeakMap<HttpContext, string[]>()

/** Marks `ctx` as a request whose uploaded files are deleted when it ends. */
export function acceptUploads(ctx: HttpContext) {
  filesOfRequest.set(ctx, [])
}

/**
 * Reads the request's multipart body, writing its files to UPLOAD_TMP_DIR,
 * so `request.file()` and validators see them. Called by the action's
 * controller once the caller is known to be allowed, so nobody else's body
 * reaches the disk. Files past `limit` bytes in all are cut off there and
 * refused like a file too big for the validator.
 */
export async function receiveUploads(ctx: HttpContext, { limit }: { limit: string }) {
  const paths = filesOfRequest.get(ctx)
  if (!paths) {
    throw new RuntimeException(`Add middleware.uploads() to the route ${ctx.route?.pattern}`)
  }
  const multipart = ctx.request.multipart
  if (ctx.request.bodyType !== 'multipart' || multipart.state !== 'idle') return

  await mkdir(UPLOAD_TMP_DIR, { recursive: true })
  let received = 0
  let field = 'file'
  multipart.onFile('*', { deferValidations: true }, async (part, reportChunk) => {
    const tmpPath = join(UPLOAD_TMP_DIR, randomUUID())
    paths.push(tmpPath)
    field = part.name
    try {
      part.pause()
      part.on('data', (chunk: Buffer) => {
        received += chunk.length
        return reportChunk(chunk)
      })
      await pipeline(part, createWriteStream(tmpPath))
      return { tmpPath }
    } catch (error) {
      await rm(tmpPath, { force: true })
      multipart.abort(error)
    }
  })
  try {
    await multipart.process({ limit })
  } catch (error) {
    const bytes = string.bytes.parse(limit) ?? 0
    if (received <= bytes) throw error
    throw refusedField(field, 'file.size', 'refusals.fields.fileTooLarge', {
      size: string.bytes.format(bytes)!,
    })
  }
}

/** Deletes the request's uploaded files that were not moved elsewhere. */
export async function discardUploads(ctx: HttpContext) {
  const paths = filesOfRequest.get(ctx) ?? []
  filesOfRequest.delete(ctx)
  await Promise.all(paths.map((path) => rm(path, { force: true })))
}

/**
 * Deletes what no request will delete any more: files of a process that was
 * killed mid-request. Answers how many were deleted.
 */
export async function sweepUploadLeftovers(now = Date.now()) {
  let names: string[]
  try {
    names = await readdir(UPLOAD_TMP_DIR)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
  let deleted = 0
  for (const name of names) {
    const path = join(UPLOAD_TMP_DIR, name)
    const info = await stat(path).catch(() => null)
    if (!info?.isFile() || now - info.mtimeMs < LEFTOVER_AFTER_MS) continue
    await rm(path, { force: true })
    deleted++
  }
  return deleted
}
