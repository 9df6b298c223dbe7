import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'

/**
 * Runs background jobs whose own table row is the job (imports, exports): a
 * worker claims a row with a conditional update (`queued` → `running`), so
 * any number of processes can run side by side and each job runs once. One
 * job at a time per worker and process.
 *
 * Why not @adonisjs/queue: it is 0.x and experimental, and these jobs already
 * have a durable row with their status and progress; a second job table would
 * only duplicate it. See docs/imports.md.
 */
type Options = {
  /** The jobs' table: its model composes `WithJobRun` (status, started_at, heartbeat_at, …). */
  table: string
  run(id: number): Promise<unknown>
  /**
   * A job whose process died while it ran (its heartbeat went stale): back to
   * the queue, for any worker to run again from the start (a job whose run
   * has no lasting effect until it completes), or failed with this reason
   * (one a person resumes, such as an import).
   */
  onStale: 'requeue' | { failWith: string }
  /** Extra housekeeping, run with the stale-job check. */
  tidy?(): Promise<void>
}

/** A running job whose heartbeat is older than this lost its worker (a restart). */
const STALE_AFTER_MINUTES = 5
const POLL_MS = 2000

export class RowJobWorker {
  #options: Options
  #draining: Promise<void> | null = null
  #timer: NodeJS.Timeout | null = null
  #stopped = false

  constructor(options: Options) {
    this.#options = options
  }

  /** Polls for jobs queued by other processes, and tidies up (see `tidy`). */
  start(pollMs = POLL_MS) {
    this.#stopped = false
    if (this.#timer) return
    this.#timer = setInterval(() => {
      this.tidy().catch((error) => logger.error({ err: error }, `${this.#options.table} worker`))
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

  /** Runs queued jobs now, in this process; resolves when none is left. */
  wake() {
    this.#draining ??= this.#drain()
      .catch((error) => logger.error({ err: error }, `${this.#options.table} worker`))
      .finally(() => {
        this.#draining = null
      })
    return this.#draining
  }

  /** Resolves once this process has no job left to run (tests and benchmarks wait on it). */
  async idle() {
    while (this.#draining) await this.#draining
  }

  async #drain() {
    while (!this.#stopped) {
      const id = await this.#claimNext()
      if (id === null) return
      await this.#options.run(id)
    }
  }

  async #claimNext(): Promise<number | null> {
    const { table } = this.#options
    const candidates = await db
      .from(table)
      .where('status', 'queued')
      .orderBy('id')
      .limit(5)
      .select('id')
    for (const { id } of candidates) {
      const now = DateTime.now().toFormat(db.connection().dialect.dateTimeFormat)
      const claimed = await db
        .from(table)
        .where('id', id)
        .where('status', 'queued')
        .update({ status: 'running', started_at: now, heartbeat_at: now, updated_at: now })
      if (Number(Array.isArray(claimed) ? claimed[0] : claimed) === 1) return id
    }
    return null
  }

  /**
   * Requeues or fails (see `onStale`) the jobs a crashed process left
   * running, then runs the table's own housekeeping. The update is
   * conditional on the stale heartbeat, so however many workers tidy at once,
   * a job is requeued once and claimed again by one of them.
   */
  async tidy() {
    const format = db.connection().dialect.dateTimeFormat
    const now = DateTime.now()
    const { onStale, table } = this.#options
    const staleBefore = now.minus({ minutes: STALE_AFTER_MINUTES }).toFormat(format)
    const stale = () =>
      db.from(table).where('status', 'running').where('heartbeat_at', '<', staleBefore)
    // Looked for first: an UPDATE takes SQLite's write lock even when it changes nothing.
    const found = await stale().select('id')
    if (found.length) {
      await stale()
        .whereIn(
          'id',
          found.map((row) => row.id)
        )
        .update(
          onStale === 'requeue'
            ? {
                status: 'queued',
                started_at: null,
                heartbeat_at: null,
                updated_at: now.toFormat(format),
              }
            : {
                status: 'failed',
                failure_reason: onStale.failWith,
                finished_at: now.toFormat(format),
              }
        )
    }
    await this.#options.tidy?.()
  }
}
