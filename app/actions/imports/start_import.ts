import type Import from '#models/import'
import type { ImportMapping } from '#models/import'
import ActionRefusedException from '#exceptions/action_refused_exception'
import importWorker from '#services/importer/worker'

type Params = { listName: string; defaultRegion: string; mapping: ImportMapping | null }

/**
 * Starts an import the wizard uploaded, with the mapping the organizer
 * confirmed. An import starts once.
 */
export default class StartImport {
  static async handle(record: Import, { listName, defaultRegion, mapping }: Params) {
    if (record.status !== 'draft') {
      throw new ActionRefusedException('refusals.imports.alreadyStarted')
    }
    record.merge({ listName, defaultRegion, mapping, status: 'queued' })
    await record.save()
    importWorker.wake()
    return record
  }
}
