import db from '@adonisjs/lucid/services/db'
import { appUrl } from '#config/app'
import type Organization from '#models/organization'
import { clock } from '#services/clock'
import { digestCutoff, waitingReplies } from '#services/notifications/digests'
import type { AssignmentData, EscalationData } from '#services/notifications/kinds'

/** A digest lists this many conversations and links to the rest. */
const DIGEST_LIST_LIMIT = 20

export type AssignmentContent = {
  campaignName: string
  count: number
  assignedBy: string
  textingUrl: string
  conversationsUrl: string
}

export type DigestContent = {
  total: number
  conversations: { name: string; campaignName: string; minutes: number; url: string }[]
  conversationsUrl: string
}

export type EscalationContent = {
  contactName: string
  campaignName: string
  texterName: string | null
  latestReply: string | null
  url: string
}

/** What each kind's template shows. */
export type NotificationContent = {
  assignment: AssignmentContent
  digest: DigestContent
  escalation: EscalationContent
}

const conversationUrl = (id: number) => `${appUrl}/conversations/${id}`
const conversationsUrl = `${appUrl}/conversations`

function contactName(row: { first_name: string | null; last_name: string | null; phone: string }) {
  return [row.first_name, row.last_name].filter(Boolean).join(' ') || row.phone
}

/**
 * The content of an assignment email, read when it is sent; null (nothing to
 * send) when the campaign is gone.
 */
export async function assignmentContent(
  organization: Organization,
  data: AssignmentData
): Promise<AssignmentContent | null> {
  const campaign = await db
    .from('campaigns')
    .where('organization_id', organization.id)
    .where('id', data.campaignId)
    .select('id', 'name')
    .first()
  if (!campaign) return null
  const organizer = await db.from('users').where('id', data.assignedByUserId).first()
  return {
    campaignName: campaign.name,
    count: data.count,
    assignedBy: organizer?.full_name ?? organization.name,
    textingUrl: `${appUrl}/texting/campaigns/${campaign.id}`,
    conversationsUrl,
  }
}

/**
 * The replies waiting on `userId` past the organization's limit, oldest
 * first; null when none is left (the digest is not sent).
 */
export async function digestContent(
  organization: Organization,
  userId: number
): Promise<DigestContent | null> {
  const now = clock.now()
  const waiting = () =>
    waitingReplies(organization.id, digestCutoff(organization, now)).where(
      'cc.assigned_user_id',
      userId
    )
  const [{ total }] = await waiting().count('* as total')
  if (!Number(total)) return null
  const rows = await waiting()
    .join('contacts as c', 'c.id', 'cc.contact_id')
    .join('campaigns as k', 'k.id', 'cc.campaign_id')
    .orderBy('cc.last_inbound_at')
    .orderBy('cc.id')
    .limit(DIGEST_LIST_LIMIT)
    .select('cc.id', 'cc.last_inbound_at', 'c.first_name', 'c.last_name', 'c.phone', 'k.name')
  return {
    total: Number(total),
    conversations: rows.map((row) => ({
      name: contactName(row),
      campaignName: row.name,
      minutes: Math.floor((now.getTime() - new Date(row.last_inbound_at).getTime()) / 60_000),
      url: conversationUrl(row.id),
    })),
    conversationsUrl,
  }
}

/** The escalated conversation; null once it is no longer escalated. */
export async function escalationContent(
  organization: Organization,
  data: EscalationData
): Promise<EscalationContent | null> {
  const row = await db
    .from('campaign_contacts as cc')
    .join('contacts as c', 'c.id', 'cc.contact_id')
    .join('campaigns as k', 'k.id', 'cc.campaign_id')
    .leftJoin('users as u', 'u.id', 'cc.assigned_user_id')
    .where('cc.organization_id', organization.id)
    .where('cc.id', data.campaignContactId)
    .whereNotNull('cc.escalated_at')
    .select('cc.id', 'c.first_name', 'c.last_name', 'c.phone', 'k.name', 'u.full_name')
    .first()
  if (!row) return null
  const latest = await db
    .from('messages')
    .where('campaign_contact_id', row.id)
    .where('direction', 'inbound')
    .orderBy('id', 'desc')
    .select('body')
    .first()
  return {
    contactName: contactName(row),
    campaignName: row.name,
    texterName: row.full_name ?? null,
    latestReply: latest?.body || null,
    url: conversationUrl(row.id),
  }
}
