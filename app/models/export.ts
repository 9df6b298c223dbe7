import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'
import { WithJobRun, type JobRunStatus } from '#models/mixins/with_job_run'

export const EXPORT_KINDS = ['contacts', 'messages'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export type ExportStatus = JobRunStatus

/**
 * A campaign's contacts or messages written to a CSV file in DATA_DIR. The
 * row is also the export's job: a worker claims it (`queued` → `running`).
 */
export default class Export extends compose(BaseModel, WithOrganization, WithJobRun) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare campaignId: number

  @column()
  declare createdById: number | null

  @column()
  declare kind: ExportKind

  declare status: ExportStatus

  /** Rows written so far (of `rowsTotal`). */
  @column()
  declare rowsWritten: number

  /** Relative to DATA_DIR; set once the file is complete. */
  @column()
  declare filePath: string | null

  @column()
  declare fileSize: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
