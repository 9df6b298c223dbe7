import { DateTime } from 'luxon'
import type { CountryCode } from 'libphonenumber-js'
import type { Column } from '#services/importer/columns'
import { normalizePhone } from '#services/importer/phone'
import type { Phrase } from '#exceptions/refusal_wording'

/**
 * One spreadsheet row turned into contact values, or the reason it cannot
 * become a contact.
 */
export type ContactDraft = {
  row: number
  phone: string
  firstName: string | null
  lastName: string | null
  email: string | null
  zip: string | null
  externalId: string | null
  /** Consent: where the person agreed to be texted. */
  optInSource: string | null
  /** Consent: when, in UTC. */
  optInAt: DateTime | null
  customFields: Record<string, string>
}

/** `message` is English (the error report, the API); `phrase` says it in the reader's language. */
export type RowError = { row: number; field: string; message: string; phrase: Phrase }

/** Column sizes in the contacts table. */
const LIMITS = {
  firstName: 120,
  lastName: 120,
  email: 254,
  externalId: 120,
  zip: 10,
  optInSource: 255,
}

/** The date forms an opt-in date may take; times without a zone are UTC. */
const DATE_FORMATS = ['M/d/yyyy', 'M/d/yyyy H:mm', 'M/d/yyyy H:mm:ss', 'yyyy-MM-dd H:mm:ss']

/** An opt-in date as a spreadsheet writes it: ISO 8601 or US month/day/year. */
export function parseOptInDate(raw: string): DateTime | null {
  const value = raw.trim()
  const iso = DateTime.fromISO(value, { zone: 'utc' })
  if (iso.isValid) return iso
  for (const format of DATE_FORMATS) {
    const parsed = DateTime.fromFormat(value, format, { zone: 'utc' })
    if (parsed.isValid) return parsed
  }
  return null
}

/**
 * US ZIPs as 5 digits: ZIP+4 is cut, and leading zeros Excel dropped
 * ("2101" for Boston's 02101) are restored. Other postcodes are kept as written.
 */
export function normalizeZip(raw: string) {
  const value = raw.trim()
  if (!value) return null
  const us = /^(\d{3,5})(?:[-\s]?\d{4})?$/.exec(value)
  if (us) return us[1].padStart(5, '0')
  return value.slice(0, LIMITS.zip)
}

function text(raw: string | null | undefined, limit: number) {
  const value = raw?.trim()
  return value ? value.slice(0, limit) : null
}

/**
 * The row's values by column plan. A row with more cells than the header is
 * unreadable: a cell probably holds an unquoted delimiter and every value
 * after it has shifted.
 */
export function normalizeRow(
  row: number,
  cells: string[],
  columns: Column[],
  region: CountryCode
): ContactDraft | RowError {
  const extra = cells.slice(columns.length).some((cell) => cell.trim() !== '')
  if (extra) {
    return {
      row,
      field: 'row',
      message: `This row has ${cells.length} cells but the header has ${columns.length}; a value probably contains an unquoted separator`,
      phrase: {
        key: 'imports.problems.extraCells',
        values: { cells: cells.length, columns: columns.length },
      },
    }
  }
  const fields: ContactFields = { phone: '', customFields: {} }
  for (const { index, target } of columns) {
    const cell = cells[index] ?? ''
    if (target.kind === 'custom') fields.customFields![target.key] = cell
    else if (target.kind === 'field') fields[target.field] = cell
  }
  return normalizeContact(row, fields, region)
}

/** One contact's values as given (a file's cells, an API item), before normalization. */
export type ContactFields = {
  phone: string
  firstName?: string | null
  lastName?: string | null
  email?: string | null
  zip?: string | null
  externalId?: string | null
  optInSource?: string | null
  optInDate?: string | null
  customFields?: Record<string, string>
}

/**
 * Trims and cuts values to the columns' sizes, writes ZIPs and phones in
 * one form; an empty value is no value. Shared by imports and the API.
 */
export function normalizeContact(
  row: number,
  fields: ContactFields,
  region: CountryCode
): ContactDraft | RowError {
  const phone = normalizePhone(fields.phone, region)
  if ('error' in phone) return { row, field: 'phone', message: phone.error, phrase: phone.phrase }
  const optInAt = fields.optInDate?.trim() ? parseOptInDate(fields.optInDate) : null
  if (fields.optInDate?.trim() && !optInAt) {
    return {
      row,
      field: 'optInDate',
      message: `“${fields.optInDate.trim().slice(0, 40)}” is not a date we can read; write it as 2026-03-31 or 3/31/2026`,
      phrase: {
        key: 'imports.problems.unreadableDate',
        values: { value: fields.optInDate.trim().slice(0, 40) },
      },
    }
  }
  const customFields: Record<string, string> = {}
  for (const [key, raw] of Object.entries(fields.customFields ?? {})) {
    const value = raw.trim()
    if (value) customFields[key] = value
  }
  return {
    row,
    phone: phone.phone,
    firstName: text(fields.firstName, LIMITS.firstName),
    lastName: text(fields.lastName, LIMITS.lastName),
    email: text(fields.email, LIMITS.email),
    zip: fields.zip ? normalizeZip(fields.zip) : null,
    externalId: text(fields.externalId, LIMITS.externalId),
    optInSource: text(fields.optInSource, LIMITS.optInSource),
    optInAt,
    customFields,
  }
}
