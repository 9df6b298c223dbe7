import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Organization from '#models/organization'
import type ProviderAccount from '#models/provider_account'
import type { InboundMessageEvent } from '#sms/types'
import { recordOptOut } from '#services/opt_outs/record'
import { liftOptOut } from '#services/opt_outs/lift'
import {
  dependsOnOptOut,
  detectIntent,
  type InboundIntent,
  languageOf,
} from '#services/webhooks/opt_out_keywords'
import { helpReply, optOutReply } from '#services/opt_outs/replies'
import { encodingFields, isOptedOut, queueMessage } from '#services/outbox/enqueue'
import { isUniqueViolation } from '#services/db/unique_violation'
import type { MessageUpdate } from '#services/realtime/updates'
import { conversationFor, recordReply } from '#services/conversations/replies'
import { sqlNow, sqlTime } from '#services/db/sql_time'
import { answerAutomatically } from '#services/auto_answers/respond'
import { clock } from '#services/clock'
import { recordEvent } from '#services/outbound_webhooks/events'

/**
 * The contact who texted, or a new "unknown sender" contact so the reply has
 * somewhere to live and can be answered or opted out like anyone else's.
 * (Plain queries: this runs for every inbound text.)
 */
async function senderContactId(
  organizationId: number,
  phone: string,
  trx: TransactionClientContract
): Promise<number> {
  const find = () =>
    trx
      .from('contacts')
      .where('organization_id', organizationId)
      .where('phone', phone)
      .select('id')
      .first()
  const known = await find()
  if (known) return known.id
  const now = sqlNow()
  try {
    const [id] = await trx.insertQuery().table('contacts').insert({
      organization_id: organizationId,
      phone,
      unknown_sender: true,
      created_at: now,
      updated_at: now,
    })
    return Number(id)
  } catch (error) {
    const winner = isUniqueViolation(error) ? await find() : null
    if (!winner) throw error
    return winner.id
  }
}

/**
 * Records an inbound text on its contact and acts on what it asks for:
 * STOP (and plain "reasonable means" requests) opts the phone out and queues
 * the one confirmation; HELP queues the org's help reply; START / UNSTOP (and
 * YES from an opted-out phone) opts back in. Uncertain stop-like replies are
 * only flagged (`intent = possible_stop`) for the texter.
 *
 * Runs in the caller's transaction and returns the live updates to push once
 * it commits. Safe to run twice for the same event: the message is unique
 * per provider id, so a second run stops before acting.
 */
export async function processInbound(
  account: ProviderAccount,
  event: InboundMessageEvent,
  trx: TransactionClientContract
): Promise<MessageUpdate[]> {
  const organizationId = account.organizationId
  const contactId = await senderContactId(organizationId, event.from, trx)
  const optedOut =
    dependsOnOptOut(event.body) && (await isOptedOut(organizationId, event.from, trx))
  const intent: InboundIntent | null = event.optOutType ?? detectIntent(event.body, optedOut)
  const conversation = await conversationFor(organizationId, contactId, trx)

  const now = clock.dateTime()
  let messageId: number
  try {
    const { encoding, segments } = encodingFields(event.body)
    const [id] = await trx
      .insertQuery()
      .table('messages')
      .insert({
        organization_id: organizationId,
        provider_account_id: account.id,
        contact_id: contactId,
        campaign_id: conversation?.campaignId ?? null,
        campaign_contact_id: conversation?.id ?? null,
        direction: 'inbound',
        body: event.body,
        encoding,
        segments,
        media: event.mediaUrls.length ? JSON.stringify(event.mediaUrls) : null,
        from_phone: event.from,
        to_phone: event.to,
        status: 'received',
        provider_message_id: event.providerMessageId,
        attempts: 0,
        intent,
        created_at: sqlTime(now),
        updated_at: sqlTime(now),
      })
    messageId = Number(id)
  } catch (error) {
    if (isUniqueViolation(error)) return []
    throw error
  }
  await recordEvent(trx, {
    organizationId,
    type: 'message.received',
    contactId,
    data: {
      message: {
        id: messageId,
        body: event.body,
        from: event.from,
        to: event.to,
        media: event.mediaUrls,
        intent,
        createdAt: now.toUTC().toISO(),
      },
      contact: { id: contactId, phone: event.from },
      campaignId: conversation?.campaignId ?? null,
    },
  })

  const replied =
    conversation &&
    (await recordReply(
      conversation,
      { body: event.body, at: now, optingIn: intent === 'start' },
      trx
    ))
  const texter = replied ? replied.summary.assignedUserId : null
  const updates: MessageUpdate[] = [
    {
      type: 'message.received',
      userIds: [texter],
      message: {
        id: messageId,
        contactId,
        campaignContactId: conversation?.id ?? null,
        from: event.from,
        to: event.to,
        body: event.body,
        intent,
        createdAt: now.toUTC().toISO()!,
      },
    },
  ]
  const reply = {
    organizationId,
    providerAccountId: account.id,
    contactId,
    from: event.to,
    to: event.from,
  }

  if (intent === 'stop') {
    const { optOut, created } = await recordOptOut(
      {
        organizationId,
        phone: event.from,
        source: 'keyword',
        reason: `Replied "${event.body.trim().slice(0, 200)}"`,
        messageId,
      },
      trx
    )
    // The provider answered a STOP it recognised itself; a second confirmation would be one too many.
    if (created && event.optOutType !== 'stop') {
      const organization = await Organization.findOrFail(organizationId, { client: trx })
      await queueMessage(
        {
          ...reply,
          body: optOutReply(organization, languageOf(event.body)),
          purpose: 'opt_out_confirmation',
          idempotencyKey: `opt-out-confirmation:${optOut.id}`,
        },
        trx
      )
    }
    if (created) updates.push({ type: 'opt_out.recorded', phone: event.from })
  } else if (intent === 'help' && event.optOutType !== 'help') {
    const organization = await Organization.findOrFail(organizationId, { client: trx })
    await queueMessage(
      {
        ...reply,
        body: helpReply(organization, languageOf(event.body)),
        purpose: 'help_reply',
        idempotencyKey: `help-reply:${messageId}`,
      },
      trx
    )
  } else if (intent === 'start') {
    const lifted = await liftOptOut(
      { organizationId, phone: event.from, source: 'keyword', messageId },
      trx
    )
    if (lifted) updates.push({ type: 'opt_out.lifted', phone: event.from })
  }
  if (replied) {
    // recordOptOut ended the conversation along with every other one of this phone.
    if (intent === 'stop') replied.summary.status = 'opted_out'
    updates.push({
      type: 'conversation.updated',
      userIds: [texter, replied.previousUserId],
      conversation: replied.summary,
    })
  }
  // Keyword rules answer ordinary texts only: an opt-out, HELP or START (or a possible stop) never fires one.
  if (!intent) {
    const text = { ...reply, messageId, body: event.body, conversation: replied?.summary ?? null }
    updates.push(...(await answerAutomatically(text, trx)))
  }
  return updates
}
