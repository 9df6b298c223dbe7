import { FIXED_FAILURES } from '#services/importer/import_failure'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ImportContactsJob from '#jobs/import_contacts_job'
import { removeFile } from '#services/importer/storage'
import { RowJobWorker } from '#services/jobs/row_job_worker'

/**
 * Runs queued imports (the `imports` row is the job; see RowJobWorker): the
 * web server runs one, `node ace imports:work` runs the same elsewhere.
 */

/** An upload the wizard never started is deleted after this long. */
const ABANDONED_AFTER_HOURS = 24
/** A stopped import can be resumed for this long; then its file is deleted. */
export const RESUMABLE_FOR_DAYS = 7

/** Deletes uploads the wizard never started (with their files) after a day. */
async function removeAbandonedDrafts() {
  const format = db.connection().dialect.dateTimeFormat
  const abandoned = await db
    .from('imports')
    .where('status', 'draft')
    .where(
      'created_at',
      '<',
      DateTime.now().minus({ hours: ABANDONED_AFTER_HOURS }).toFormat(format)
    )
    .select('id', 'file_path')
  for (const draft of abandoned) {
    await removeFile(draft.file_path)
    await db.from('imports').where('id', draft.id).where('status', 'draft').delete()
  }
}

/** Deletes the files of stopped imports nobody resumed within RESUMABLE_FOR_DAYS. */
async function removeUnresumedFiles() {
  const format = db.connection().dialect.dateTimeFormat
  const now = DateTime.now()
  const expired = await db
    .from('imports')
    .where('status', 'failed')
    .whereNull('file_removed_at')
    .where('finished_at', '<', now.minus({ days: RESUMABLE_FOR_DAYS }).toFormat(format))
    .select('id', 'file_path')
  for (const stopped of expired) {
    await removeFile(stopped.file_path)
    await db
      .from('imports')
      .where('id', stopped.id)
      .where('status', 'failed')
      .update({ file_removed_at: now.toFormat(format) })
  }
}

const importWorker = new RowJobWorker({
  table: 'imports',
  run: (id) => ImportContactsJob.run(id),
  onStale: { failWith: FIXED_FAILURES.interrupted },
  tidy: async () => {
    await removeAbandonedDrafts()
    await removeUnresumedFiles()
  },
})
export default importWorker
