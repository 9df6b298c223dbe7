import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Contact from '#models/contact'
import Message from '#models/message'
import Organization from '#models/organization'
import type ProviderAccount from '#models/provider_account'
import type { InboundMessageEvent } from '#sms/types'
import RecordOptOut from '#actions/opt_outs/record_opt_out'
import LiftOptOut from '#actions/opt_outs/lift_opt_out'
import { detectIntent, type InboundIntent } from '#services/opt_out_keywords'
import { encodingFields, isOptedOut, queueMessage } from '#services/outbox'
import { isUniqueViolation } from '#services/unique_violation'
import { pushToOrganization, type MessageUpdate } from '#services/realtime'
import { sqlNow } from '#services/sql_time'

/**
 * The contact who texted, or a new "unknown sender" contact so the reply has
 * somewhere to live and can be answered or opted out like anyone else's.
 */
async function senderContact(
  organizationId: number,
  phone: string,
  trx: TransactionClientContract
) {
  const find = () =>
    Contact.forOrganization(organizationId).where('phone', phone).useTransaction(trx).first()
  const known = await find()
  if (known) return known
  try {
    return await Contact.create(
      { organizationId, phone, unknownSender: true, customFields: {} },
      { client: trx }
    )
  } catch (error) {
    const winner = isUniqueViolation(error) ? await find() : null
    if (!winner) throw error
    return winner
  }
}

/** HELP must say who is texting; the org's reply is prefixed with its name unless it names itself. */
function helpReply(organization: Organization) {
  const reply = organization.settings.helpReply
  return reply.toLowerCase().includes(organization.name.toLowerCase())
    ? reply
    : `${organization.name}: ${reply}`
}

/**
 * Records an inbound text on its contact and acts on what it asks for:
 * STOP (and plain "reasonable means" requests) opts the phone out and queues
 * the one confirmation; HELP queues the org's help reply; START / UNSTOP (and
 * YES from an opted-out phone) opts back in. Uncertain stop-like replies are
 * only flagged (`intent = possible_stop`) for the texter.
 *
 * Safe to run twice for the same event: the message is unique per provider
 * id, so a second run stops before acting.
 */
export async function processInbound(
  account: ProviderAccount,
  event: InboundMessageEvent,
  webhookEventId: number
) {
  const organizationId = account.organizationId
  const updates: MessageUpdate[] = []

  await db.transaction(async (trx) => {
    const contact = await senderContact(organizationId, event.from, trx)
    const optedOut = await isOptedOut(organizationId, event.from, trx)
    const intent: InboundIntent | null = event.optOutType ?? detectIntent(event.body, optedOut)

    let message: Message
    try {
      message = await Message.create(
        {
          organizationId,
          providerAccountId: account.id,
          contactId: contact.id,
          direction: 'inbound',
          body: event.body,
          ...encodingFields(event.body),
          media: event.mediaUrls,
          from: event.from,
          to: event.to,
          status: 'received',
          providerMessageId: event.providerMessageId,
          attempts: 0,
          intent,
        },
        { client: trx }
      )
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      await markProcessed(webhookEventId, trx)
      return
    }

    updates.push({
      type: 'message.received',
      message: {
        id: message.id,
        contactId: contact.id,
        from: message.from,
        to: message.to,
        body: message.body,
        intent,
        createdAt: message.createdAt.toUTC().toISO()!,
      },
    })

    const reply = { organizationId, providerAccountId: account.id, contactId: contact.id }
    if (intent === 'stop') {
      const { optOut, created } = await RecordOptOut.handle(
        {
          organizationId,
          phone: event.from,
          source: 'keyword',
          reason: `Replied "${event.body.trim().slice(0, 200)}"`,
          messageId: message.id,
        },
        trx
      )
      // The provider answered a STOP it recognised itself; a second confirmation would be one too many.
      if (created && event.optOutType !== 'stop') {
        const organization = await Organization.findOrFail(organizationId, { client: trx })
        await queueMessage(
          {
            ...reply,
            from: event.to,
            to: event.from,
            body: organization.settings.optOutReply,
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
          from: event.to,
          to: event.from,
          body: helpReply(organization),
          purpose: 'help_reply',
          idempotencyKey: `help-reply:${message.id}`,
        },
        trx
      )
    } else if (intent === 'start') {
      const lifted = await LiftOptOut.handle(
        { organizationId, phone: event.from, source: 'keyword', messageId: message.id },
        trx
      )
      if (lifted) updates.push({ type: 'opt_out.lifted', phone: event.from })
    }
    await markProcessed(webhookEventId, trx)
  })

  for (const update of updates) pushToOrganization(organizationId, update)
}

async function markProcessed(webhookEventId: number, trx: TransactionClientContract) {
  await trx
    .from('webhook_events')
    .where('id', webhookEventId)
    .update({ status: 'processed', processed_at: sqlNow(), error: null, updated_at: sqlNow() })
}
