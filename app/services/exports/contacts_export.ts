import db from '@adonisjs/lucid/services/db'
import { csvLine } from '#services/exports/spreadsheet_csv'
import { timeCell } from '#services/exports/csv_file'
import {
  chunks,
  namesOfMembers,
  type ExportWriter,
  type Target,
} from '#services/exports/export_writer'
import { surveyQuestions } from '#services/reports/survey_questions'
import { variantLabel } from '#services/reports/campaign_stats'
import { readCount } from '#services/db/read_pool'

const contactRows = ({ campaignId }: Target) =>
  db.from('campaign_contacts as cc').where('cc.campaign_id', campaignId)

async function variantLabels(campaignId: number) {
  const variants = await db
    .from('script_variants')
    .where('campaign_id', campaignId)
    .orderBy('position')
    .select('id')
  return new Map(variants.map((variant, index) => [variant.id, variantLabel(index)]))
}

const CONTACT_COLUMNS = [
  'contact_id',
  'phone',
  'first_name',
  'last_name',
  'email',
  'zip',
  'state',
  'timezone',
  'external_id',
  'status',
  'variant',
  'texter',
  'delivery',
  'failure_reason',
  'messaged_at',
  'replied_at',
  'sentiment',
]

/**
 * One row per contact of the campaign. Custom fields are the last columns,
 * one per field any of the contacts has: they are only all known once every
 * row is read, so the header is written last (CsvFile puts it first) and
 * rows written before a field first appeared are widened then.
 */
export const contactsExport: ExportWriter = {
  async rows(target) {
    return readCount(contactRows(target))
  },

  async write(target, output) {
    const { organizationId, campaignId } = target
    const [questions, variants, texters, tags] = await Promise.all([
      surveyQuestions(campaignId),
      variantLabels(campaignId),
      namesOfMembers(organizationId),
      db.from('tags').where('organization_id', organizationId).select('id', 'name'),
    ])
    const tagNames = new Map(tags.map((tag) => [Number(tag.id), tag.name as string]))
    const fields: string[] = []
    const fieldIndex = new Map<string, number>()
    let widened = false

    let written = 0
    for await (const chunk of chunks(
      () =>
        contactRows(target)
          .join('contacts as c', 'c.id', 'cc.contact_id')
          // Opt-out, tags and answers come with each row, looked up by index in the same query.
          .leftJoin('opt_outs as o', (on) =>
            on.on('o.organization_id', 'c.organization_id').andOn('o.phone', 'c.phone')
          )
          .select(
            'cc.id',
            'cc.contact_id',
            'cc.status',
            'cc.variant_id',
            'cc.messaged_by_id',
            'cc.delivery',
            'cc.failure_reason',
            'cc.messaged_at',
            'cc.replied_at',
            'cc.sentiment',
            'cc.first_clicked_at',
            'c.phone',
            'c.first_name',
            'c.last_name',
            'c.email',
            'c.zip',
            'c.state',
            'c.timezone',
            'c.external_id',
            'c.custom_fields',
            'c.opt_in_source',
            'c.opt_in_at',
            'o.created_at as opted_out_at',
            db.raw(
              '(SELECT GROUP_CONCAT(ct.tag_id) FROM contact_tags ct WHERE ct.contact_id = c.id) AS tag_ids'
            ),
            ...questions.map((question) =>
              db.raw(
                '(SELECT sr.value FROM survey_responses sr WHERE sr.campaign_contact_id = cc.id AND sr.question_step_id = ?) AS ??',
                [question.id, `answer_${question.id}`]
              )
            )
          ),
      'cc.id'
    )) {
      for (const row of chunk) {
        const custom: Record<string, string> = row.custom_fields
          ? JSON.parse(row.custom_fields)
          : {}
        for (const name in custom) {
          if (fieldIndex.has(name)) continue
          fieldIndex.set(name, fields.length)
          fields.push(name)
          widened ||= written > 0
        }
        const tagList = row.tag_ids
          ? String(row.tag_ids)
              .split(',')
              .map((id) => tagNames.get(Number(id)) ?? '')
              .sort()
              .join('; ')
          : ''
        const line = csvLine([
          row.contact_id,
          row.phone,
          row.first_name,
          row.last_name,
          row.email,
          row.zip,
          row.state,
          row.timezone,
          row.external_id,
          row.status,
          variants.get(row.variant_id) ?? '',
          row.messaged_by_id ? (texters.get(row.messaged_by_id) ?? '') : '',
          row.delivery,
          row.failure_reason,
          timeCell(row.messaged_at),
          timeCell(row.replied_at),
          row.sentiment,
          ...questions.map((question) => row[`answer_${question.id}`]),
          tagList,
          row.opted_out_at ? 'yes' : 'no',
          timeCell(row.opted_out_at),
          row.opt_in_source,
          timeCell(row.opt_in_at),
          row.first_clicked_at ? 'yes' : 'no',
          timeCell(row.first_clicked_at),
          ...fields.map((name) => custom[name]),
        ])
        await output.write(line)
        written++
      }
      await output.progress(written)
    }
    const header = [
      ...CONTACT_COLUMNS,
      ...questions.map((question) => question.question),
      'tags',
      'opted_out',
      'opted_out_at',
      'opt_in_source',
      'opt_in_at',
      'clicked',
      'first_clicked_at',
      ...fields,
    ]
    return { rows: written, header, widened }
  },
}
