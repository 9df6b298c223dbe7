import db from '@adonisjs/lucid/services/db'
import { csvLine } from '#services/exports/spreadsheet_csv'
import { timeCell } from '#services/exports/csv_file'
import {
  chunks,
  namesOfMembers,
  type ExportWriter,
  type Target,
} from '#services/exports/export_writer'
import { readCount } from '#services/db/read_pool'

const messageRows = ({ organizationId, campaignId }: Target) =>
  db.from('messages').where('organization_id', organizationId).where('campaign_id', campaignId)

/** Each CSV header with the messages column it comes from, in file order. */
const columns = [
  ['message_id', 'id'],
  ['created_at', 'created_at'],
  ['direction', 'direction'],
  ['status', 'status'],
  ['from', 'from_phone'],
  ['to', 'to_phone'],
  ['contact_id', 'contact_id'],
  ['body', 'body'],
  ['segments', 'segments'],
  ['error_code', 'error_code'],
  ['error_class', 'error_class'],
  ['error_message', 'error_message'],
  ['sent_by', 'sent_by_id'],
  ['sent_at', 'sent_at'],
  ['delivered_at', 'delivered_at'],
]

/** One row per text of the campaign, either way. */
export const messagesExport: ExportWriter = {
  async rows(target) {
    return readCount(messageRows(target))
  },

  async write(target, output) {
    const senders = await namesOfMembers(target.organizationId)
    await output.write(csvLine(columns.map(([header]) => header)))
    let written = 0
    for await (const chunk of chunks(
      () => messageRows(target).select(columns.map(([, column]) => column)),
      'id'
    )) {
      for (const row of chunk) {
        const line = csvLine([
          row.id,
          timeCell(row.created_at),
          row.direction,
          row.status,
          row.from_phone,
          row.to_phone,
          row.contact_id,
          row.body,
          row.segments,
          row.error_code,
          row.error_class,
          row.error_message,
          row.sent_by_id ? (senders.get(row.sent_by_id) ?? '') : '',
          timeCell(row.sent_at),
          timeCell(row.delivered_at),
        ])
        await output.write(line)
      }
      written += chunk.length
      await output.progress(written)
    }
    return { rows: written }
  },
}
