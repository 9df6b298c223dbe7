import db from '@adonisjs/lucid/services/db'
import type Import from '#models/import'
import type Membership from '#models/membership'
import ActionRefusedException from '#exceptions/action_refused_exception'
import importWorker from '#services/importer/worker'
import { audit } from '#services/audit'

function refusal(record: Import) {
  if (record.status === 'failed') {
    return 'refusals.imports.fileGone'
  }
  if (record.status === 'completed') return 'refusals.imports.finished'
  if (record.status === 'draft') return 'refusals.imports.notStarted'
  return 'refusals.imports.running'
}

/**
 * Puts an import that stopped part-way back in the queue; the worker goes on
 * after the rows it saved (see runImport), so the outcome is the one an
 * uninterrupted import gives. However often it is asked, it resumes once.
 */
export default class ResumeImport {
  static async handle(record: Import, actor: Membership) {
    // An import whose process died is known to have stopped once its heartbeat is stale.
    await importWorker.tidy()
    await record.refresh()
    if (!record.isResumable) throw new ActionRefusedException(refusal(record))

    const requeued = await db
      .from('imports')
      .where('id', record.id)
      .where('status', 'failed')
      .whereNull('file_removed_at')
      .update({ status: 'queued', failure_reason: null, finished_at: null })
    if (Number(Array.isArray(requeued) ? requeued[0] : requeued) !== 1) {
      await record.refresh()
      throw new ActionRefusedException(refusal(record))
    }
    await audit({
      organizationId: actor.organizationId,
      userId: actor.userId,
      action: 'import.resumed',
      subject: { type: 'import', id: record.id },
      details: { file: record.originalName, rowsSaved: record.rowsProcessed },
    })
    record.merge({ status: 'queued', failureReason: null, finishedAt: null })
    importWorker.wake()
    return record
  }
}
