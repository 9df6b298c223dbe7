import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type Campaign from '#models/campaign'
import { escapeLike } from '#services/db/sql'
import type { conversationFiltersValidator } from '#validators/assignment'

export type ConversationFilters = Omit<
  Infer<typeof conversationFiltersValidator>,
  'page' | 'perPage'
>

/** A row of the review's page: the conversation, its contact's tags and its last message. */
export type ReviewedConversation = {
  row: Record<string, any>
  tags: string[]
  lastMessage: { direction: string; body: string; created_at: unknown } | null
}

/**
 * One page of a campaign's conversations (its contacts that were texted),
 * newest reply first, with the texter holding each, its tags and its last
 * message. Every filter narrows through an index: the holder and status
 * through (campaign, assigned user, status), tags through contact_tags'
 * key, survey answers through survey_responses' key, and the text search
 * through the campaign's own messages only.
 */
export async function pageOfConversations(
  campaign: Campaign,
  filters: ConversationFilters,
  { page, perPage }: { page: number; perPage: number }
) {
  const query = db
    .from('campaign_contacts as cc')
    .where('cc.campaign_id', campaign.id)
    .whereNotNull('cc.messaged_at')
  if (filters.texterId !== undefined) query.where('cc.assigned_user_id', filters.texterId)
  if (filters.unassigned) query.whereNull('cc.assigned_user_id')
  if (filters.status) query.where('cc.status', filters.status)
  if (filters.sentiment) query.where('cc.sentiment', filters.sentiment)
  if (filters.escalated !== undefined) {
    if (filters.escalated) query.whereNotNull('cc.escalated_at')
    else query.whereNull('cc.escalated_at')
  }
  if (filters.tagId !== undefined) {
    const tagId = filters.tagId
    query.whereExists((tagged) =>
      tagged
        .from('contact_tags')
        .whereColumn('contact_tags.contact_id', 'cc.contact_id')
        .where('contact_tags.tag_id', tagId)
    )
  }
  if (filters.answerStepId !== undefined) {
    const answerStepId = filters.answerStepId
    query.whereExists((answered) =>
      answered
        .from('survey_responses')
        .whereColumn('survey_responses.campaign_contact_id', 'cc.id')
        .where('survey_responses.answer_step_id', answerStepId)
    )
  }
  if (filters.text) {
    query.whereIn(
      'cc.contact_id',
      db
        .from('messages')
        .where('organization_id', campaign.organizationId)
        .where('campaign_id', campaign.id)
        .whereRaw(`body LIKE ? ESCAPE '!'`, [`%${escapeLike(filters.text)}%`])
        .select('contact_id')
    )
  }

  const [{ total }] = await query.clone().count('* as total')
  const rows = await query
    .leftJoin('contacts', 'contacts.id', 'cc.contact_id')
    .leftJoin('users', 'users.id', 'cc.assigned_user_id')
    .orderBy('cc.last_inbound_at', 'desc')
    .orderBy('cc.id', 'desc')
    .offset((page - 1) * perPage)
    .limit(perPage)
    .select(
      'cc.id',
      'cc.contact_id',
      'cc.status',
      'cc.assigned_user_id',
      'cc.escalated_at',
      'cc.sentiment',
      'cc.last_inbound_at',
      'cc.messaged_at',
      'contacts.first_name',
      'contacts.last_name',
      'contacts.phone',
      'users.full_name as texter_name'
    )

  const contactIds = rows.map((row) => Number(row.contact_id))
  const [tags, lastMessages] = await Promise.all([
    tagsOf(contactIds),
    lastMessagesOf(campaign, contactIds),
  ])
  return {
    total: Number(total),
    conversations: rows.map((row): ReviewedConversation => ({
      row,
      tags: tags.get(Number(row.contact_id)) ?? [],
      lastMessage: lastMessages.get(Number(row.contact_id)) ?? null,
    })),
  }
}

/** Each contact's tag names, by contact id. */
async function tagsOf(contactIds: number[]) {
  const byContact = new Map<number, string[]>()
  if (!contactIds.length) return byContact
  const rows = await db
    .from('contact_tags')
    .join('tags', 'tags.id', 'contact_tags.tag_id')
    .whereIn('contact_tags.contact_id', contactIds)
    .orderBy('tags.name')
    .select('contact_tags.contact_id', 'tags.name')
  for (const row of rows) {
    const id = Number(row.contact_id)
    byContact.set(id, [...(byContact.get(id) ?? []), row.name])
  }
  return byContact
}

/**
 * Each contact's latest message of this campaign, by contact id: found
 * through the (organization, contact) index, so only these contacts' texts
 * are read.
 */
async function lastMessagesOf(campaign: Campaign, contactIds: number[]) {
  const byContact = new Map<number, NonNullable<ReviewedConversation['lastMessage']>>()
  if (!contactIds.length) return byContact
  const latest = await db
    .from('messages')
    .where('organization_id', campaign.organizationId)
    .whereIn('contact_id', contactIds)
    .where('campaign_id', campaign.id)
    .groupBy('contact_id')
    .max('id as id')
  const ids = latest.map((row) => Number(row.id))
  if (!ids.length) return byContact
  const rows = await db
    .from('messages')
    .whereIn('id', ids)
    .select('contact_id', 'direction', 'body', 'created_at')
  for (const row of rows) {
    byContact.set(Number(row.contact_id), {
      direction: row.direction,
      body: String(row.body),
      created_at: row.created_at,
    })
  }
  return byContact
}
