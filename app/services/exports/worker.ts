import ExportCampaignJob from '#jobs/export_campaign_job'
import { RowJobWorker } from '#services/jobs/row_job_worker'

/**
 * Runs queued exports (the `exports` row is the job; see RowJobWorker). An
 * export whose worker died is written again from the start by any worker:
 * its file only appears, whole, when it completes.
 */
const exportWorker = new RowJobWorker({
  table: 'exports',
  run: (id) => ExportCampaignJob.run(id),
  onStale: 'requeue',
})
export default exportWorker
