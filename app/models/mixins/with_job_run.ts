import type { DateTime } from 'luxon'
import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** The statuses the row job worker moves a job through (`queued` → `running` → an end). */
export type JobRunStatus = 'queued' | 'running' | 'completed' | 'failed'

/**
 * The columns of a model whose row is its own background job (imports,
 * exports): what `RowJobWorker` claims, keeps alive and ends. A model may
 * narrow `status` to its own statuses (an import also has `draft`).
 */
export function WithJobRun<T extends NormalizeConstructor<typeof BaseModel>>(superclass: T) {
  class JobRun extends superclass {
    @column()
    declare status: string

    /** Rows to work through, known once the job has started. */
    @column()
    declare rowsTotal: number

    /** Why the job failed, in words an organizer understands. */
    @column()
    declare failureReason: string | null

    @column.dateTime()
    declare startedAt: DateTime | null

    /** Refreshed while the job runs; a stale one means the worker died. */
    @column.dateTime()
    declare heartbeatAt: DateTime | null

    @column.dateTime()
    declare finishedAt: DateTime | null

    get isFinished() {
      return this.status === 'completed' || this.status === 'failed'
    }
  }
  return JobRun
}
