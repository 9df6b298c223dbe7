import type { Phrase } from '#exceptions/refusal_wording'
import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { WithOrganization } from '#models/mixins/with_organization'
import { WithJobRun, type JobRunStatus } from '#models/mixins/with_job_run'
import ContactList from '#models/contact_list'

/**
 * `draft`: uploaded in the browser, waiting for the organizer to confirm the
 * column mapping. The API's imports start `queued`.
 */
export type ImportStatus = 'draft' | JobRunStatus

/** Contact fields a column can fill (API.md "Column detection"). */
export const IMPORT_FIELDS = [
  'phone',
  'firstName',
  'lastName',
  'zip',
  'externalId',
  'email',
  'optInSource',
  'optInDate',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/**
 * Overrides of the detected columns: field → header (null: do not fill that
 * field), plus headers to leave out entirely.
 */
export type ImportMapping = Partial<Record<ImportField, string | null>> & { ignore?: string[] }

/** A row not imported: `message` in English, `phrase` for the reader's language (newer imports). */
export type ImportRowError = { row: number; field: string; message: string; phrase?: Phrase }

const json = {
  prepare: (value: unknown) =>
    value === null || value === undefined ? null : JSON.stringify(value),
  consume: (value: string | null) => (value ? JSON.parse(value) : null),
}

export default class Import extends compose(BaseModel, WithOrganization, WithJobRun) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare createdById: number | null

  @column()
  declare contactListId: number | null

  @column()
  declare listName: string

  declare status: ImportStatus

  @column()
  declare originalName: string

  /** Relative to DATA_DIR. */
  @column()
  declare filePath: string

  @column()
  declare fileSize: number

  @column()
  declare defaultRegion: string

  @column(json)
  declare mapping: ImportMapping | null

  @column()
  declare rowsProcessed: number

  @column()
  declare rowsCreated: number

  @column()
  declare rowsUpdated: number

  @column()
  declare rowsInvalid: number

  @column()
  declare rowsDuplicate: number

  @column()
  declare rowsOptedOut: number

  /** The first invalid rows (the full list is the error report file). */
  @column(json)
  declare errorsSample: ImportRowError[] | null

  /** Relative to DATA_DIR. */
  @column()
  declare errorReportPath: string | null

  /** When the uploaded file was deleted: after that the import cannot be resumed. */
  @column.dateTime()
  declare fileRemovedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  @belongsTo(() => ContactList)
  declare contactList: BelongsTo<typeof ContactList>

  /**
   * Stopped part-way (its process died, or the database failed) with its
   * file still kept: running it again goes on after the rows it saved.
   */
  get isResumable() {
    return this.status === 'failed' && this.fileRemovedAt === null
  }
}
