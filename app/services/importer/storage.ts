import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { storagePath } from '#config/app'
import type Import from '#models/import'

/**
 * Where imports keep their files inside DATA_DIR. Paths are stored relative
 * to DATA_DIR so an instance can move its data folder.
 */
export const UPLOADS_DIR = 'uploads'
export const REPORTS_DIR = 'import-reports'

export const absolutePath = (relative: string) => join(storagePath, relative)

/** Moves an uploaded file into DATA_DIR/uploads under a name nobody can guess. */
export async function keepUpload(file: MultipartFile) {
  await mkdir(absolutePath(UPLOADS_DIR), { recursive: true })
  const name = `${randomUUID()}.csv`
  await file.move(absolutePath(UPLOADS_DIR), { name, overwrite: true })
  return join(UPLOADS_DIR, name)
}

export const reportPathFor = (importId: number) => join(REPORTS_DIR, `import-${importId}-rows.csv`)

export async function removeFile(relative: string | null) {
  if (relative) await rm(absolutePath(relative), { force: true })
}

/** Deletes an import's uploaded file and notes when (the caller saves the import). */
export async function removeImportFile(record: Import) {
  await removeFile(record.filePath)
  record.fileRemovedAt = DateTime.now()
}
