/*
| The data bench:report measures: a finished texting session on one campaign,
| written straight into the SQLite file with plain prepared inserts.
*/
import Database from 'better-sqlite3'
import { counterBackfill, counterTriggers } from '../database/report_counters.ts'
import { log, seedTexters } from './support.ts'

const TEXTERS = 50
const DAYS = 3

/** A small deterministic PRNG (mulberry32), so every run seeds the same campaign. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = ['Ana', 'Bob', 'Cara', 'José', 'Eve', 'Farid', 'Gloria', 'Hiro', 'Ines', 'Jamal']
const LAST = ['Smith', 'Lee', 'García', 'Nguyen', 'Okafor', 'Müller', 'Brown', 'Patel', 'Kim']
const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles']
const REASONS = ['landline', 'invalid', 'carrier_filtered', 'carrier_opt_out', 'other']
const REPLIES = ['Yes!', 'no thanks', 'Who is this?', 'STOP', 'I will be there 👍', 'maybe']
const pad = (value: number) => String(value).padStart(2, '0')
/** "YYYY-MM-DD HH:MM:SS" `minutes` after the campaign started. */
function at(minutes: number) {
  const date = new Date(Date.UTC(2026, 10, 2, 14, 0, 0) + minutes * 60_000)
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  )
}

/** The survey both report benches' campaigns ask (seedSession answers it). */
export const SURVEY_STEPS = [
  {
    question: 'Will you vote?',
    answers: [
      {
        answer: 'Yes',
        script: 'Great!',
        next: {
          question: 'Need a ride?',
          answers: [
            { answer: 'Yes', script: 'We will call', next: null },
            { answer: 'No', script: 'OK', next: null },
          ],
        },
      },
      { answer: 'No', script: 'Thanks anyway', next: null },
      { answer: 'Undecided', script: 'Here is more', next: null },
    ],
  },
]

/**
 * Seeds the finished texting session. The reporting triggers are set aside
 * while the rows go in, and the counters are then filled the way migration
 * 5400 fills them for existing data (the tests prove both ways agree), which
 * keeps seeding a million contacts to a few minutes.
 */
export function seedSession(databasePath: string, campaignId: number, contacts: number) {
  const db = new Database(databasePath)
  db.pragma('busy_timeout = 10000')
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  const rand = random(7)
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]
  const { organization_id: org, password } = db
    .prepare(
      `SELECT m.organization_id, u.password FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.role = 'owner'`
    )
    .get() as { organization_id: number; password: string }
  const variants = db
    .prepare('SELECT id FROM script_variants WHERE campaign_id = ? ORDER BY position')
    .all(campaignId)
    .map((row: any) => row.id as number)
  const step = (text: string, parent: number | null) =>
    (
      db
        .prepare(
          `SELECT id FROM interaction_steps WHERE campaign_id = ? AND (question = ? OR answer_option = ?)
           AND parent_id IS ?`
        )
        .get(campaignId, text, text, parent) as { id: number }
    ).id
  const q1 = step('Will you vote?', null)
  const yes = step('Yes', q1)
  const q1Answers = [yes, step('No', q1), step('Undecided', q1)]
  const q2Answers = [step('Yes', yes), step('No', yes)]
  const now = at(0)
  db.prepare("UPDATE campaigns SET status = 'active', launched_at = ? WHERE id = ?").run(
    now,
    campaignId
  )

  const texters: number[] = []
  const tagIds: number[] = []
  db.transaction(() => {
    texters.push(...seedTexters(db, { org, password, now, count: TEXTERS, emailPrefix: 'texter' }))
    const tag = db.prepare('INSERT INTO tags (organization_id, name, created_at) VALUES (?, ?, ?)')
    for (const name of ['Volunteer', 'Donor', 'Spanish'])
      tagIds.push(Number(tag.run(org, name, now).lastInsertRowid))
  })()

  const contact = db.prepare(
    `INSERT INTO contacts (organization_id, phone, first_name, last_name, zip, state, timezone, custom_fields, unknown_sender, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`
  )
  const contactTag = db.prepare('INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, ?)')
  const optOut = db.prepare(
    `INSERT INTO opt_outs (organization_id, phone, reason, source, created_at) VALUES (?, ?, 'Replied STOP', 'keyword', ?)`
  )
  const campaignContact = db.prepare(
    `INSERT INTO campaign_contacts (organization_id, campaign_id, contact_id, variant_id, assigned_user_id, status,
       messaged_at, messaged_by_id, replied_at, last_inbound_at, delivery, failure_reason, sentiment, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const message = db.prepare(
    `INSERT INTO messages (organization_id, contact_id, campaign_id, campaign_contact_id, direction, body, from_phone,
       to_phone, segments, encoding, status, error_code, error_class, attempts, sent_by_id, sent_at, delivered_at,
       response_seconds, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'GSM-7', ?, ?, ?, 1, ?, ?, ?, ?, ?)`
  )
  const answer = db.prepare(
    `INSERT INTO survey_responses (organization_id, campaign_id, campaign_contact_id, question_step_id, answer_step_id,
       value, answered_by_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const triggers = counterTriggers('sqlite')
  for (const trigger of triggers) db.exec(trigger.drop)
  const SENDER = '+12025550199'
  const BATCH = 20_000
  for (let start = 0; start < contacts; start += BATCH) {
    db.transaction(() => {
      for (let index = start; index < Math.min(start + BATCH, contacts); index++) {
        const phone = `+1${2000000000 + index * 7}`
        const minute = Math.floor(rand() * DAYS * 24 * 60)
        const contactId = Number(
          contact.run(
            org,
            phone,
            pick(FIRST),
            pick(LAST),
            String(10000 + (index % 89999)),
            'NY',
            pick(ZONES),
            JSON.stringify({
              'Volunteer Level': pick(['Captain', 'Member', 'Lead']),
              'Ward': String(index % 40),
            }),
            now
          ).lastInsertRowid
        )
        if (index % 10 === 0) contactTag.run(contactId, pick(tagIds))

        const texter = texters[index % TEXTERS]
        const roll = rand()
        const failed = roll < 0.04
        const delivery = failed ? 'failed' : roll < 0.07 ? 'sent' : 'delivered'
        const replied = !failed && rand() < 0.2
        const optedOut = replied && rand() < 0.1
        const reply = replied ? pick(REPLIES) : null
        const sentiment = !replied
          ? null
          : optedOut
            ? 'negative'
            : pick(['positive', 'neutral', 'negative'])
        const status = failed
          ? 'failed'
          : optedOut
            ? 'opted_out'
            : replied
              ? pick(['closed', 'conversing', 'needs_response'])
              : 'messaged'
        const sentAt = at(minute)
        const replyAt = at(minute + 5 + Math.floor(rand() * 120))
        const ccId = Number(
          campaignContact.run(
            org,
            campaignId,
            contactId,
            variants[index % variants.length],
            texter,
            status,
            sentAt,
            texter,
            replied ? replyAt : null,
            replied ? replyAt : null,
            delivery,
            failed ? pick(REASONS) : null,
            sentiment,
            now
          ).lastInsertRowid
        )
        message.run(
          org,
          contactId,
          campaignId,
          ccId,
          'outbound',
          'Hi there, this is a texter with the Bench campaign. Reply STOP to opt out',
          SENDER,
          phone,
          index % 25 === 0 ? 2 : 1,
          failed ? 'failed' : delivery,
          failed ? '30006' : null,
          failed ? 'recipient' : null,
          texter,
          failed ? null : sentAt,
          delivery === 'delivered' ? sentAt : null,
          null,
          sentAt
        )
        if (!replied) continue
        message.run(
          org,
          contactId,
          campaignId,
          ccId,
          'inbound',
          reply,
          phone,
          SENDER,
          1,
          'received',
          null,
          null,
          null,
          null,
          null,
          null,
          replyAt
        )
        if (optedOut) {
          optOut.run(org, phone, replyAt)
          continue
        }
        const seconds = 20 + Math.floor(rand() * 900)
        message.run(
          org,
          contactId,
          campaignId,
          ccId,
          'outbound',
          'Thanks for getting back to us!',
          SENDER,
          phone,
          1,
          'delivered',
          null,
          null,
          texter,
          replyAt,
          replyAt,
          seconds,
          replyAt
        )
        const choice = Math.floor(rand() * 3)
        answer.run(
          org,
          campaignId,
          ccId,
          q1,
          q1Answers[choice],
          ['Yes', 'No', 'Undecided'][choice],
          texter,
          replyAt
        )
        if (choice === 0 && rand() < 0.5) {
          const ride = Math.floor(rand() * 2)
          answer.run(
            org,
            campaignId,
            ccId,
            yes,
            q2Answers[ride],
            ['Yes', 'No'][ride],
            texter,
            replyAt
          )
        }
      }
    })()
    if ((start / BATCH) % 10 === 0) log(`seeded ${Math.min(start + BATCH, contacts)} contacts`)
  }
  for (const statement of counterBackfill('sqlite')) db.exec(statement)
  for (const trigger of triggers) db.exec(trigger.create)
  db.close()
}
