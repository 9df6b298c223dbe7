import { basename, extname } from 'node:path'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import Import, { type ImportMapping } from '#models/import'
import type Membership from '#models/membership'
import { keepUpload } from '#services/importer/storage'
import importWorker from '#services/importer/worker'
import { audit } from '#services/audit'

type Params = {
  actor: Membership
  file: MultipartFile
  /** The list the contacts go on; by default one named after the file. */
  listName?: string
  /** Defaults to the organization's setting. */
  defaultRegion?: string
  mapping?: ImportMapping | null
  /** The browser wizard uploads first and starts once the mapping is confirmed. */
  draft?: boolean
}

/** "Volunteers 2026.csv" → "Volunteers 2026". */
function listNameFromFile(name: string) {
  return basename(name, extname(name)).trim().slice(0, 120) || 'Imported contacts'
}

/**
 * Keeps the uploaded file and records the import; a queued import starts in
 * the background at once. Nothing is read or written to contacts here.
 */
export default class CreateImport {
  static async handle({ actor, file, listName, defaultRegion, mapping, draft }: Params) {
    const filePath = await keepUpload(file)
    const originalName = file.clientName || 'contacts.csv'
    const record = await Import.create({
      organizationId: actor.organizationId,
      createdById: actor.userId,
      listName: listName ?? listNameFromFile(originalName),
      status: draft ? 'draft' : 'queued',
      originalName: originalName.slice(0, 255),
      filePath,
      fileSize: file.size,
      defaultRegion: defaultRegion ?? actor.organization.settings.defaultRegion,
      mapping: mapping ?? null,
    })
    await audit({
      organizationId: actor.organizationId,
      userId: actor.userId,
      action: 'import.created',
      subject: { type: 'import', id: record.id },
      details: { file: record.originalName, list: record.listName },
    })
    if (!draft) importWorker.wake()
    return record
  }
}
