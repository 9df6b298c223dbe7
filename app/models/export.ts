import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { WithOrganization } from '#models/mixins/with_organization'

export const EXPORT_KINDS = ['contacts', 'messages'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export type ExportStatus = 'queued' | 'running' | 'completed' | 'failed'

/**
 * A campaign's contacts or messages written to a CSV file in DATA_DIR. The
 * row is also the export's job: a worker claims it (`queued` → `running`).
 */
export default class Export extends compose(BaseModel, WithOrganization) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare campaignId: number

  @column()
  declare createdById: number | null

  @column()
  declare kind: ExportKind

  @column()
  declare status: ExportStatus

  /** Rows to write (known when the job starts) and written so far. */
  @column()
  declare rowsTotal: number

  @column()
  declare rowsWritten: number

  /** Relative to DATA_DIR; set once the file is complete. */
  @column()
  declare filePath: string | null

  @column()
  declare fileSize: number

  @column()
  declare failureReason: string | null

  @column.dateTime()
  declare startedAt: DateTime | null

  @column.dateTime()
  declare heartbeatAt: DateTime | null

  @column.dateTime()
  declare finishedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null
}
