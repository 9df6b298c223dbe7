import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ImportContactsJob from '#jobs/import_contacts_job'
import { removeFile } from '#services/importer/storage'
import { RowJobWorker } from '#services/row_job_worker'

/**
 * Runs queued imports (the `imports` row is the job; see RowJobWorker): the
 * web server runs one, `node ace imports:work` runs the same elsewhere.
 */

/** An upload the wizard never started is deleted after this long. */
const ABANDONED_AFTER_HOURS = 24

const STOPPED =
  'The import stopped before it finished (the server restarted). Rows read before that were saved; start the import again to finish it — rows already saved are updated, not duplicated.'

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

const importWorker = new RowJobWorker({
  table: 'imports',
  run: (id) => ImportContactsJob.run(id),
  stoppedReason: STOPPED,
  tidy: removeAbandonedDrafts,
})
export default importWorker
