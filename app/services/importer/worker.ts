import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import ImportContactsJob from '#jobs/import_contacts_job'
import { removeFile } from '#services/importer/storage'

/**
 * Runs queued imports. The `imports` row is the job: a worker claims it with
 * a conditional update (`queued` → `running`), so any number of processes —
 * the web server, `node ace imports:work` — can run side by side and each
 * import runs once. One import at a time per process.
 *
 * Why not @adonisjs/queue: it is 0.x and experimental, and an import already
 * has a durable row with its status; a second job table would only duplicate
 * it. See docs/imports.md.
 */

/** A running import whose heartbeat is older than this lost its worker (a restart). */
const STALE_AFTER_MINUTES = 5
const POLL_MS = 2000
/** An upload the wizard never started is deleted after this long. */
const ABANDONED_AFTER_HOURS = 24

const STOPPED =
  'The import stopped before it finished (the server restarted). Rows read before that were saved; start the import again to finish it — rows already saved are updated, not duplicated.'

export class ImportWorker {
  #draining: Promise<void> | null = null
  #timer: NodeJS.Timeout | null = null
  #stopped = false

  /** Polls for imports queued by other processes, and tidies up (see `tidy`). */
  start(pollMs = POLL_MS) {
    this.#stopped = false
    if (this.#timer) return
    this.#timer = setInterval(() => {
      this.tidy().catch((error) => logger.error({ err: error }, 'import worker'))
      this.wake()
    }, pollMs)
    this.#timer.unref()
    this.wake()
  }

  async stop() {
    this.#stopped = true
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    await this.#draining
  }

  /** Runs queued imports now, in this process; resolves when none is left. */
  wake() {
    this.#draining ??= this.#drain()
      .catch((error) => logger.error({ err: error }, 'import worker'))
      .finally(() => {
        this.#draining = null
      })
    return this.#draining
  }

  /** Resolves once this process has no import left to run (tests and benchmarks wait on it). */
  async idle() {
    while (this.#draining) await this.#draining
  }

  async #drain() {
    while (!this.#stopped) {
      const id = await this.#claimNext()
      if (id === null) return
      await ImportContactsJob.run(id)
    }
  }

  async #claimNext(): Promise<number | null> {
    const candidates = await db
      .from('imports')
      .where('status', 'queued')
      .orderBy('id')
      .limit(5)
      .select('id')
    for (const { id } of candidates) {
      const now = DateTime.now().toFormat(db.connection().dialect.dateTimeFormat)
      const claimed = await db
        .from('imports')
        .where('id', id)
        .where('status', 'queued')
        .update({ status: 'running', started_at: now, heartbeat_at: now, updated_at: now })
      if (Number(Array.isArray(claimed) ? claimed[0] : claimed) === 1) return id
    }
    return null
  }

  /**
   * Fails imports a crashed process left running, and deletes uploads the
   * wizard never started (with their files) after a day.
   */
  async tidy() {
    const format = db.connection().dialect.dateTimeFormat
    const now = DateTime.now()
    await db
      .from('imports')
      .where('status', 'running')
      .where('heartbeat_at', '<', now.minus({ minutes: STALE_AFTER_MINUTES }).toFormat(format))
      .update({ status: 'failed', failure_reason: STOPPED, finished_at: now.toFormat(format) })

    const abandoned = await db
      .from('imports')
      .where('status', 'draft')
      .where('created_at', '<', now.minus({ hours: ABANDONED_AFTER_HOURS }).toFormat(format))
      .select('id', 'file_path')
    for (const draft of abandoned) {
      await removeFile(draft.file_path)
      await db.from('imports').where('id', draft.id).where('status', 'draft').delete()
    }
  }
}

const importWorker = new ImportWorker()
export default importWorker
