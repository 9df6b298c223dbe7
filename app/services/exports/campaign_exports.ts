import db from '@adonisjs/lucid/services/db'
import type { ExportKind } from '#models/export'
import { csvLine } from '#services/spreadsheet_csv'
import { timeCell } from '#services/exports/csv_file'
import { surveyQuestions } from '#services/reports/survey_questions'
import { variantLabel } from '#services/reports/campaign_stats'

/**
 * The rows of a campaign's exports, read a chunk at a time in id order (an
 * index range each, never an offset), so a million rows stream in flat
 * memory. `rows` counts what will be written (for the progress bar),
 * `write` writes the header and every row, reporting progress per chunk.
 */
const CHUNK = 5000

type Target = { organizationId: number; campaignId: number }
type Output = { write(text: string): Promise<void>; progress(rows: number): Promise<void> }
type Row = Record<string, any>

export type ExportWriter = {
  rows(target: Target): Promise<number>
  write(target: Target, output: Output): Promise<number>
}

async function namesOfMembers(organizationId: number) {
  const users = await db
    .from('memberships')
    .join('users', 'users.id', 'memberships.user_id')
    .where('memberships.organization_id', organizationId)
    .select('users.id', 'users.full_name')
  return new Map(users.map((user) => [user.id as number, user.full_name as string]))
}

/** Walks `query` (which must select `id`) in id order, a chunk at a time. */
async function* chunks(query: () => any, idColumn: string) {
  let after = 0
  while (true) {
    const rows: Row[] = await query().where(idColumn, '>', after).orderBy(idColumn).limit(CHUNK)
    if (rows.length) yield rows
    if (rows.length < CHUNK) return
    after = rows[rows.length - 1].id
  }
}

const contactRows = ({ campaignId }: Target) =>
  db.from('campaign_contacts as cc').where('cc.campaign_id', campaignId)

/** Every custom field any of the campaign's contacts has, in first-seen order. */
async function customFieldNames(target: Target) {
  const names = new Set<string>()
  for await (const chunk of chunks(
    () =>
      contactRows(target)
        .join('contacts as c', 'c.id', 'cc.contact_id')
        .select('cc.id', 'c.custom_fields'),
    'cc.id'
  )) {
    for (const { custom_fields: fields } of chunk) {
      if (fields) for (const name of Object.keys(JSON.parse(fields))) names.add(name)
    }
  }
  return [...names]
}

async function variantLabels(campaignId: number) {
  const variants = await db
    .from('script_variants')
    .where('campaign_id', campaignId)
    .orderBy('position')
    .select('id')
  return new Map(variants.map((variant, index) => [variant.id, variantLabel(index)]))
}

const contacts: ExportWriter = {
  async rows(target) {
    const [{ total }] = await contactRows(target).count('* as total')
    return Number(total)
  },

  async write(target, output) {
    const { organizationId, campaignId } = target
    const [fields, questions, variants, texters, tags] = await Promise.all([
      customFieldNames(target),
      surveyQuestions(campaignId),
      variantLabels(campaignId),
      namesOfMembers(organizationId),
      db.from('tags').where('organization_id', organizationId).select('id', 'name'),
    ])
    const tagNames = new Map(tags.map((tag) => [tag.id, tag.name as string]))
    await output.write(
      csvLine([
        'contact_id',
        'phone',
        'first_name',
        'last_name',
        'email',
        'zip',
        'state',
        'timezone',
        'external_id',
        ...fields,
        'status',
        'variant',
        'texter',
        'delivery',
        'failure_reason',
        'messaged_at',
        'replied_at',
        'sentiment',
        ...questions.map((question) => question.question),
        'tags',
        'opted_out',
        'opted_out_at',
      ])
    )

    let written = 0
    for await (const chunk of chunks(
      () =>
        contactRows(target)
          .join('contacts as c', 'c.id', 'cc.contact_id')
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
            'c.phone',
            'c.first_name',
            'c.last_name',
            'c.email',
            'c.zip',
            'c.state',
            'c.timezone',
            'c.external_id',
            'c.custom_fields'
          ),
      'cc.id'
    )) {
      const first = chunk[0].id
      const last = chunk[chunk.length - 1].id
      const contactIds = chunk.map((row) => row.contact_id)
      const [answers, contactTags, optOuts] = await Promise.all([
        db
          .from('survey_responses')
          .whereBetween('campaign_contact_id', [first, last])
          .where('campaign_id', campaignId)
          .select('campaign_contact_id', 'question_step_id', 'value'),
        db.from('contact_tags').whereIn('contact_id', contactIds).select('contact_id', 'tag_id'),
        db
          .from('opt_outs')
          .where('organization_id', organizationId)
          .whereIn(
            'phone',
            chunk.map((row) => row.phone)
          )
          .select('phone', 'created_at'),
      ])
      const answerOf = new Map(
        answers.map((a) => [`${a.campaign_contact_id}:${a.question_step_id}`, a.value])
      )
      const tagsOf = new Map<number, string[]>()
      for (const { contact_id: id, tag_id: tagId } of contactTags) {
        tagsOf.set(id, [...(tagsOf.get(id) ?? []), tagNames.get(tagId) ?? ''])
      }
      const optedOutAt = new Map(optOuts.map((optOut) => [optOut.phone, optOut.created_at]))

      let text = ''
      for (const row of chunk) {
        const custom = row.custom_fields ? JSON.parse(row.custom_fields) : {}
        const optOut = optedOutAt.get(row.phone)
        text += csvLine([
          row.contact_id,
          row.phone,
          row.first_name,
          row.last_name,
          row.email,
          row.zip,
          row.state,
          row.timezone,
          row.external_id,
          ...fields.map((name) => custom[name]),
          row.status,
          variants.get(row.variant_id) ?? '',
          row.messaged_by_id ? (texters.get(row.messaged_by_id) ?? '') : '',
          row.delivery,
          row.failure_reason,
          timeCell(row.messaged_at),
          timeCell(row.replied_at),
          row.sentiment,
          ...questions.map((question) => answerOf.get(`${row.id}:${question.id}`)),
          (tagsOf.get(row.contact_id) ?? []).sort().join('; '),
          optOut === undefined ? 'no' : 'yes',
          timeCell(optOut),
        ])
      }
      await output.write(text)
      written += chunk.length
      await output.progress(written)
    }
    return written
  },
}

const messageRows = ({ organizationId, campaignId }: Target) =>
  db.from('messages').where('organization_id', organizationId).where('campaign_id', campaignId)

const messages: ExportWriter = {
  async rows(target) {
    const [{ total }] = await messageRows(target).count('* as total')
    return Number(total)
  },

  async write(target, output) {
    const senders = await namesOfMembers(target.organizationId)
    await output.write(
      csvLine([
        'message_id',
        'created_at',
        'direction',
        'status',
        'from',
        'to',
        'contact_id',
        'body',
        'segments',
        'error_code',
        'error_class',
        'error_message',
        'sent_by',
        'sent_at',
        'delivered_at',
      ])
    )
    let written = 0
    for await (const chunk of chunks(
      () =>
        messageRows(target).select(
          'id',
          'created_at',
          'direction',
          'status',
          'from_phone',
          'to_phone',
          'contact_id',
          'body',
          'segments',
          'error_code',
          'error_class',
          'error_message',
          'sent_by_id',
          'sent_at',
          'delivered_at'
        ),
      'id'
    )) {
      let text = ''
      for (const row of chunk) {
        text += csvLine([
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
      }
      await output.write(text)
      written += chunk.length
      await output.progress(written)
    }
    return written
  },
}

export const EXPORT_WRITERS: Record<ExportKind, ExportWriter> = { contacts, messages }
