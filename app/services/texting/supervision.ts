import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Membership from '#models/membership'

/** Someone who sent a text this recently is "texting now". */
export const TEXTING_NOW_MS = 5 * 60_000

/** A timestamp read by a raw query: MySQL gives a Date, SQLite the text Lucid wrote (local time). */
export function timestampOf(value: unknown): DateTime | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return DateTime.fromJSDate(value)
  const parsed = DateTime.fromSQL(String(value))
  return parsed.isValid ? parsed : DateTime.fromISO(String(value))
}

export type TexterFigures = {
  userId: number
  name: string
  /** The texter's membership status: a suspended texter's load may still need moving. */
  memberStatus: string
  /** Contacts they hold now, at any status. */
  assigned: number
  /** Held contacts still waiting for their first text. */
  unsent: number
  /** Contacts whose first text they sent (whoever holds them now). */
  sent: number
  /** Held conversations with a reply waiting. */
  needsReply: number
  /** Their latest text of this campaign, first text or reply. */
  lastSentAt: string | null
  textingNow: boolean
}

/**
 * Per texter of a campaign: what they hold, what they sent and when. Three
 * grouped queries, each answered from an index: held contacts by
 * (campaign, assigned user, status), first texts by (campaign, messaged by),
 * latest texts by (campaign, sent by, created at).
 */
export async function texterFigures(campaignId: number, organizationId: number) {
  const [held, firstTexts, latest] = await Promise.all([
    db
      .from('campaign_contacts')
      .where('campaign_id', campaignId)
      .whereNotNull('assigned_user_id')
      .groupBy('assigned_user_id', 'status')
      .select('assigned_user_id', 'status')
      .count('* as total'),
    db
      .from('campaign_contacts')
      .where('campaign_id', campaignId)
      .whereNotNull('messaged_by_id')
      .groupBy('messaged_by_id')
      .select('messaged_by_id')
      .count('* as total'),
    db
      .from('messages')
      .where('campaign_id', campaignId)
      .whereNotNull('sent_by_id')
      .groupBy('sent_by_id')
      .select('sent_by_id')
      .max('created_at as last'),
  ])

  const figures = new Map<number, Omit<TexterFigures, 'name' | 'memberStatus'>>()
  const of = (userId: number) => {
    let entry = figures.get(userId)
    if (!entry) {
      entry = {
        userId,
        assigned: 0,
        unsent: 0,
        sent: 0,
        needsReply: 0,
        lastSentAt: null,
        textingNow: false,
      }
      figures.set(userId, entry)
    }
    return entry
  }
  for (const row of held) {
    const entry = of(Number(row.assigned_user_id))
    const total = Number(row.total)
    entry.assigned += total
    if (row.status === 'needs_message') entry.unsent += total
    if (row.status === 'needs_response') entry.needsReply += total
  }
  for (const row of firstTexts) of(Number(row.messaged_by_id)).sent = Number(row.total)
  const recent = Date.now() - TEXTING_NOW_MS
  for (const row of latest) {
    const last = timestampOf(row.last)
    const entry = of(Number(row.sent_by_id))
    entry.lastSentAt = last?.toUTC().toISO() ?? null
    entry.textingNow = !!last && last.toMillis() >= recent
  }

  const members = figures.size
    ? await Membership.forOrganization(organizationId)
        .whereIn('user_id', [...figures.keys()])
        .preload('user')
    : []
  const byUser = new Map(members.map((member) => [member.userId, member]))
  return [...figures.values()]
    .map((entry) => {
      const member = byUser.get(entry.userId)
      return {
        ...entry,
        name: member?.user.fullName ?? 'Former member',
        memberStatus: member?.status ?? 'removed',
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** Conversations of a campaign an escalation tag has routed to supervisors. */
export async function escalatedCount(campaignId: number) {
  const [row] = await db
    .from('campaign_contacts')
    .where('campaign_id', campaignId)
    .whereNotNull('escalated_at')
    .count('* as total')
  return Number(row.total)
}

/** Unsent contacts nobody holds: what "assign" can hand out. */
export async function poolCount(campaignId: number) {
  const [row] = await db
    .from('campaign_contacts')
    .where('campaign_id', campaignId)
    .whereNull('assigned_user_id')
    .where('status', 'needs_message')
    .count('* as total')
  return Number(row.total)
}

/** The organization's active members, by name: who can be given contacts or handle replies. */
export async function activeMembers(organizationId: number) {
  const members = await Membership.forOrganization(organizationId)
    .where('status', 'active')
    .preload('user')
  return members
    .map((member) => ({ userId: member.userId, name: member.user.fullName, role: member.role }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
