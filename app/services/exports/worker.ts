import ExportCampaignJob from '#jobs/export_campaign_job'
import { RowJobWorker } from '#services/jobs/row_job_worker'

const STOPPED =
  'The export stopped before it finished (the server restarted). Start a new export to get the file.'

/** Runs queued exports (the `exports` row is the job; see RowJobWorker). */
const exportWorker = new RowJobWorker({
  table: 'exports',
  run: (id) => ExportCampaignJob.run(id),
  stoppedReason: STOPPED,
})
export default exportWorker
