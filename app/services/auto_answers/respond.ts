import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#services/clock'
import { isOptedOut, queueMessage } from '#services/outbox/enqueue'
import { sqlTime } from '#services/db/sql_time'
import type { ConversationSummary, MessageUpdate } from '#services/realtime/updates'
import { matchingRule } from '#services/auto_answers/rules'
import { renderAnswer } from '#services/auto_answers/render'
import { applyRuleActions } from '#services/auto_answers/actions'
import { answeredRecently } from '#services/auto_answers/timing'

export type AnsweredText = {
  organizationId: number
  providerAccountId: number
  contactId: number
  /** The inbound text's id and body. */
  messageId: number
  body: string
  /** The answer's addresses: from the number the person texted, to the person. */
  from: string
  to: string
  /** The campaign conversation it joined, as it now stands. */
  conversation: ConversationSummary | null
}

/**
 * Answers an ordinary inbound text (never an opt-out, HELP or START: the
 * caller has handled those) with the first matching rule, in the inbound
 * text's transaction: queues the rendered answer through the outbox from the
 * number the person texted, keyed `auto:<inbound id>` so it goes once,
 * records the firing and runs the rule's actions. Nothing happens for an
 * opted-out phone, or when this contact got an automatic answer less than
 * ten minutes ago (the loop guard). Returns the live updates to push.
 */
export async function answerAutomatically(
  text: AnsweredText,
  trx: TransactionClientContract
): Promise<MessageUpdate[]> {
  const { organizationId, contactId, conversation } = text
  const rule = await matchingRule(organizationId, conversation?.campaignId ?? null, text.body, trx)
  if (!rule) return []
  const now = clock.now()
  if (await isOptedOut(organizationId, text.to, trx)) return []
  if (await answeredRecently(organizationId, contactId, now, trx)) return []

  const body = await renderAnswer(
    rule,
    { organizationId, contactId, texterId: conversation?.assignedUserId ?? null },
    trx
  )
  const reply = await queueMessage(
    {
      organizationId,
      providerAccountId: text.providerAccountId,
      from: text.from,
      to: text.to,
      body,
      contactId,
      campaignId: conversation?.campaignId ?? null,
      campaignContactId: conversation?.id ?? null,
      purpose: 'auto_answer',
      idempotencyKey: `auto:${text.messageId}`,
    },
    trx
  )
  await trx
    .insertQuery()
    .table('auto_answer_firings')
    .insert({
      organization_id: organizationId,
      rule_id: rule.id,
      inbound_message_id: text.messageId,
      reply_message_id: reply.id,
      contact_id: contactId,
      rule_label: rule.label.slice(0, 255),
      fired_at: sqlTime(now),
    })
  await trx.from('auto_answer_rules').where('id', rule.id).increment('fired', 1)

  const changed = await applyRuleActions(
    rule,
    conversation,
    { organizationId, contactId, now },
    trx
  )
  if (!changed || !conversation) return []
  return [
    {
      type: 'conversation.updated',
      userIds: [conversation.assignedUserId],
      conversation: { ...conversation },
    },
  ]
}
