import { DateTime } from 'luxon'
import { writeFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import type Membership from '#models/membership'
import type Campaign from '#models/campaign'
import CampaignContact from '#models/campaign_contact'
import InteractionStep from '#models/interaction_step'
import ScriptVariant from '#models/script_variant'
import Export from '#models/export'
import type Contact from '#models/contact'
import { createMember } from '#tests/helpers/members'
import { createContact, createTag } from '#tests/helpers/contacts'
import { createDraft } from '#tests/helpers/campaigns'
import { createFakeAccount, SENDER } from '#tests/helpers/messaging'
import { awake } from '#tests/helpers/texting'
import type { CampaignData } from '#actions/campaigns/save_campaign'
import type { MessagePurpose } from '#models/message'
import { queueMessage } from '#services/outbox/enqueue'
import { absoluteExportPath, EXPORTS_DIR } from '#services/exports/csv_file'

type Outcome = {
  variant: 'A' | 'B'
  texter?: 1 | 2
  delivery?: 'queued' | 'sent' | 'delivered' | 'failed'
  failureReason?: string
  status: string
  replied?: boolean
  sentiment?: 'positive' | 'neutral' | 'negative'
  /** Segments of the first text (1 unless said). */
  segments?: number
}

/**
 * Ten contacts with known fates (the figures the report must show are worked
 * out in tests/functional/reports/stats.spec.ts):
 * variant A c1–c6, B c7–c10; texter 1 sent c1–c5, texter 2 c6–c9.
 */
export const OUTCOMES: Outcome[] = [
  {
    variant: 'A',
    texter: 1,
    delivery: 'delivered',
    status: 'conversing',
    replied: true,
    sentiment: 'positive',
    segments: 2,
  },
  {
    variant: 'A',
    texter: 1,
    delivery: 'delivered',
    status: 'opted_out',
    replied: true,
    sentiment: 'negative',
  },
  { variant: 'A', texter: 1, delivery: 'delivered', status: 'messaged' },
  { variant: 'A', texter: 1, delivery: 'failed', failureReason: 'landline', status: 'failed' },
  { variant: 'A', texter: 1, delivery: 'sent', status: 'messaged' },
  {
    variant: 'A',
    texter: 2,
    delivery: 'delivered',
    status: 'closed',
    replied: true,
    sentiment: 'positive',
  },
  {
    variant: 'B',
    texter: 2,
    delivery: 'failed',
    failureReason: 'carrier_opt_out',
    status: 'opted_out',
  },
  {
    variant: 'B',
    texter: 2,
    delivery: 'delivered',
    status: 'needs_response',
    replied: true,
    sentiment: 'neutral',
  },
  { variant: 'B', texter: 2, delivery: 'queued', status: 'messaged' },
  { variant: 'B', status: 'needs_message' },
]

/** Server-time stamps the messages carry, so the hourly activity is known. */
export const FIRST_HOUR = '2026-11-20 14'
export const SECOND_HOUR = '2026-11-20 15'

type Row = Record<string, unknown>

/**
 * An active campaign of a new organization (or `existingOwner`'s, with its
 * user and organization loaded), price per segment 0.01, with two variants,
 * a two-level survey, two texters, and the OUTCOMES above, written the way
 * texting writes them: contacts launched as needs_message,
 * then moved on by updates, texts and answers — so the counters are kept by
 * every kind of change.
 */
export async function campaignWithOutcomes(existingOwner?: Membership) {
  const owner = existingOwner ?? (await createMember('owner'))
  const organization = owner.organization
  organization.settings = { ...organization.settings, pricePerSegment: 0.01 }
  await organization.save()
  const texters = [
    await createMember('texter', { organization }),
    await createMember('texter', { organization }),
  ]
  const campaign = await createDraft(owner, {
    audience: { listIds: [] },
    script: {
      initial: [
        { body: 'Hi {firstName}, variant A. Reply STOP to opt out' },
        { body: '=B variant. Reply STOP to opt out' },
      ],
      steps: [
        {
          question: 'Will you vote?',
          answers: [
            {
              answer: 'Yes',
              script: 'Great!',
              next: {
                question: 'Need a ride?',
                answers: [
                  { answer: 'Yes please', script: 'We will call you', next: null },
                  { answer: 'No thanks', script: 'OK', next: null },
                ],
              },
            },
            { answer: 'No', script: 'Sorry to hear', next: null },
            { answer: 'Maybe', script: 'Let us know', next: null },
          ],
        },
      ],
    },
  })
  await campaign.merge({ status: 'active', launchedAt: DateTime.now() }).save()
  const variants = await ScriptVariant.query().where('campaign_id', campaign.id).orderBy('position')
  const steps = await InteractionStep.query().where('campaign_id', campaign.id)
  const step = (text: string) => steps.find((s) => s.question === text || s.answerOption === text)!
  const volunteer = await createTag(organization.id, 'Volunteer')

  const contacts: Contact[] = []
  for (const [index] of OUTCOMES.entries()) {
    contacts.push(
      await createContact(organization.id, {
        firstName: index === 0 ? '=HYPERLINK("http://evil")' : `Contact${index + 1}`,
        lastName: index === 1 ? '+1 Plus' : 'Doe',
        customFields: index === 0 ? { 'Volunteer Level': '@lead' } : { Ward: `${index}` },
        tags: index < 2 ? [volunteer] : [],
      })
    )
  }
  const rows = await CampaignContact.createMany(
    contacts.map((contact, index) => ({
      organizationId: organization.id,
      campaignId: campaign.id,
      contactId: contact.id,
      variantId: variants[OUTCOMES[index].variant === 'A' ? 0 : 1].id,
      status: 'needs_message' as const,
    }))
  )

  const texterId = (outcome: Outcome) =>
    outcome.texter ? texters[outcome.texter - 1].userId : null
  const base = (index: number): Row => ({
    organization_id: organization.id,
    campaign_id: campaign.id,
    campaign_contact_id: rows[index].id,
    contact_id: contacts[index].id,
    encoding: 'GSM-7',
    attempts: 1,
    created_at: `${FIRST_HOUR}:00:00`,
  })
  const outbound = (index: number, extra: Row): Row => ({
    ...base(index),
    direction: 'outbound',
    body: 'Hello',
    from_phone: SENDER,
    to_phone: contacts[index].phone,
    segments: 1,
    ...extra,
  })
  const inbound = (index: number, minute: number): Row => ({
    ...base(index),
    direction: 'inbound',
    body: 'A reply',
    from_phone: contacts[index].phone,
    to_phone: SENDER,
    segments: 1,
    status: 'received',
    created_at: `${SECOND_HOUR}:${String(minute).padStart(2, '0')}:00`,
  })

  for (const [index, outcome] of OUTCOMES.entries()) {
    if (!outcome.delivery) continue
    // The first text: queued when the texter pressed Send, then its fate.
    await rows[index]
      .merge({ status: 'messaged', messagedById: texterId(outcome), delivery: 'queued' })
      .save()
    const acceptedByProvider = ['sent', 'delivered'].includes(outcome.delivery)
    await db.table('messages').insert(
      outbound(index, {
        status: outcome.delivery === 'queued' ? 'queued' : outcome.delivery,
        segments: outcome.segments ?? 1,
        sent_by_id: texterId(outcome),
        sent_at: acceptedByProvider ? `${FIRST_HOUR}:10:00` : null,
      })
    )
    await rows[index]
      .merge({
        delivery: outcome.delivery,
        failureReason: (outcome.failureReason ?? null) as any,
        status: outcome.status as any,
      })
      .save()
  }

  // Replies: c1 twice, c2, c6 and c8 once; the texters answer with known delays.
  const replies: [number, number][] = [
    [0, 1],
    [0, 20],
    [1, 2],
    [5, 3],
    [7, 4],
  ]
  for (const [index, minute] of replies) await db.table('messages').insert(inbound(index, minute))
  for (const [index, outcome] of OUTCOMES.entries()) {
    if (!outcome.replied) continue
    await db
      .from('campaign_contacts')
      .where('id', rows[index].id)
      .update({ replied_at: `${SECOND_HOUR}:01:00`, sentiment: outcome.sentiment })
  }
  // Texter 1 answers c1 in 30 s and 200 s; texter 2 answers c6 in 45 s and c8 in 3,700 s.
  const answers: [number, number, number][] = [
    [0, 0, 30],
    [0, 0, 200],
    [5, 1, 45],
    [7, 1, 3700],
  ]
  for (const [index, texter, seconds] of answers) {
    await db.table('messages').insert(
      outbound(index, {
        status: 'queued',
        sent_by_id: texters[texter].userId,
        response_seconds: seconds,
        created_at: `${SECOND_HOUR}:30:00`,
      })
    )
    // Handed to the provider later, as the dispatcher does.
    await db
      .from('messages')
      .where('campaign_contact_id', rows[index].id)
      .whereNotNull('response_seconds')
      .whereNull('sent_at')
      .update({ status: 'sent', sent_at: `${SECOND_HOUR}:31:00` })
  }

  // Survey: c1 Yes then "Yes please"; c6 Yes; c2 first said Yes, then changed to No.
  const answer = (index: number, question: string, choice: string) => ({
    organization_id: organization.id,
    campaign_id: campaign.id,
    campaign_contact_id: rows[index].id,
    question_step_id: step(question).id,
    answer_step_id: step(choice).id,
    value: choice,
    created_at: `${SECOND_HOUR}:40:00`,
  })
  await db
    .table('survey_responses')
    .multiInsert([
      answer(0, 'Will you vote?', 'Yes'),
      answer(0, 'Need a ride?', 'Yes please'),
      answer(5, 'Will you vote?', 'Yes'),
      answer(1, 'Will you vote?', 'Yes'),
    ])
  await db
    .from('survey_responses')
    .where('campaign_contact_id', rows[1].id)
    .update({ answer_step_id: step('No').id, value: 'No' })

  return { owner, organization, texters, campaign, contacts, rows, variants, step }
}

/** A completed export of `campaign` whose file holds `text`. */
export async function completedExport(campaign: Campaign, actor: Membership, text: string) {
  const filePath = `${EXPORTS_DIR}/fixture-${campaign.id}-${Date.now()}.csv`
  await mkdir(dirname(absoluteExportPath(filePath)), { recursive: true })
  await writeFile(absoluteExportPath(filePath), text)
  return Export.create({
    organizationId: campaign.organizationId,
    campaignId: campaign.id,
    createdById: actor.userId,
    kind: 'contacts',
    status: 'completed',
    rowsTotal: 1,
    rowsWritten: 1,
    filePath,
    fileSize: text.length,
  })
}

/**
 * A campaign contact whose first text is queued, as the send screen leaves
 * it; its contact lives in `timezone` (where it is noon now, unless given).
 * `text` queues a later text of the same conversation.
 */
export async function queuedFirstText(
  options: { timezone?: string; campaign?: Partial<CampaignData> } = {}
) {
  const owner = await createMember('owner')
  const account = await createFakeAccount(owner.organizationId)
  const campaign = await createDraft(owner, {
    audience: { listIds: [] },
    ...options.campaign,
    providerAccountId: account.id,
  })
  const contact = await createContact(owner.organizationId, {
    timezone: options.timezone ?? awake(),
  })
  const row = await CampaignContact.create({
    organizationId: owner.organizationId,
    campaignId: campaign.id,
    contactId: contact.id,
    status: 'messaged',
    messagedById: owner.userId,
    delivery: 'queued',
  })
  const text = (body: string, purpose?: MessagePurpose) =>
    queueMessage({
      organizationId: owner.organizationId,
      providerAccountId: account.id,
      campaignId: campaign.id,
      campaignContactId: row.id,
      contactId: contact.id,
      sentById: owner.userId,
      from: SENDER,
      to: contact.phone,
      body,
      purpose,
    })
  const first = await text('Hi, this is the first text', 'campaign_initial')
  return { owner, account, campaign, contact, row, first, text }
}
