import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import Import, { type ImportMapping, type ImportStatus } from '#models/import'
import type Membership from '#models/membership'
import { absolutePath, reportPathFor, UPLOADS_DIR } from '#services/importer/storage'
import importWorker from '#services/importer/worker'

export const fixturePath = (name: string) => app.makePath('tests/fixtures/imports', name)

type ImportOptions = {
  listName?: string
  defaultRegion?: string
  mapping?: ImportMapping | null
  status?: ImportStatus
  /** The file's text, instead of the fixture's. */
  content?: string
}

/** An import of a fixture file as if it had just been uploaded (not yet run). */
export async function uploadedImport(
  membership: Membership,
  fixture: string,
  options: ImportOptions = {}
) {
  await mkdir(absolutePath(UPLOADS_DIR), { recursive: true })
  const filePath = join(UPLOADS_DIR, `${randomUUID()}.csv`)
  if (options.content === undefined) await copyFile(fixturePath(fixture), absolutePath(filePath))
  else await writeFile(absolutePath(filePath), options.content)
  return Import.create({
    organizationId: membership.organizationId,
    createdById: membership.userId,
    listName: options.listName ?? fixture,
    status: options.status ?? 'queued',
    originalName: fixture,
    filePath,
    fileSize: 0,
    defaultRegion: options.defaultRegion ?? 'US',
    mapping: options.mapping ?? null,
  })
}

/** Imports a fixture through the real worker and job, and answers the finished import. */
export async function importFixture(
  membership: Membership,
  fixture: string,
  options: ImportOptions = {}
) {
  const record = await uploadedImport(membership, fixture, options)
  await runQueuedImports()
  await record.refresh()
  return record
}

/** Lets this process's worker run every queued import to the end. */
export async function runQueuedImports() {
  await importWorker.wake()
  await importWorker.idle()
}

/** A finished import of `membership`'s organization with a report whose text includes `marker`. */
export async function finishedImportWithReport(membership: Membership, marker: string) {
  const record = await uploadedImport(membership, 'messy.csv', {
    status: 'completed',
    listName: marker,
  })
  record.errorReportPath = reportPathFor(record.id)
  await mkdir(absolutePath('import-reports'), { recursive: true })
  await writeFile(absolutePath(record.errorReportPath), `row,field,reason\r\n2,phone,${marker}\r\n`)
  await record.save()
  return record
}
