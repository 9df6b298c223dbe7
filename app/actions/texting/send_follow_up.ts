import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import Message from '#models/message'
import TextingRefusedException from '#exceptions/texting_refused_exception'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { isOptedOut, queueMessage } from '#services/outbox/enqueue'
import { affected } from '#services/texting/assignment'
import { senderFor, type TextingFollowUp } from '#services/texting/campaign_context'
import type { SendingContext, Texter } from '#services/texting/sending_context'
import { windowOf } from '#services/texting/sending_windows'
import { nextAndProgress } from '#services/texting/send_screen'
import { campaignNotActive, nothingToSendFrom } from '#services/texting/refusals'
import { outsideHours } from '#actions/texting/send_initial'
import type MediaItem from '#models/media_item'
import { attachPictures } from '#services/media/attachments'
import {
  findFollowUpRow,
  followUpPictures,
  renderFollowUp,
  UNREACHABLE,
  type FollowUpRow,
} from '#services/follow_ups/queue'
import { scheduleNextFollowUp } from '#services/follow_ups/schedule'
import { trackLinks } from '#services/links/tracked_texts'

type Params = {
  context: SendingContext
  texter: Texter
  data: { campaignContactId: number; followUpStepId: number; idempotencyKey: string }
}

/**
 * One press of Send on a follow-up's card: the step's text, queued for the
 * dispatcher, and the contact scheduled for the next step.
 *
 * Exactly one text per contact per step: the follow-up moves from pending to
 * sent by a conditional UPDATE in the transaction that queues the message
 * (campaign still active, contact still this texter's and, for a no_reply
 * step, still without a reply), and the message's key
 * `followup:<stepId>:<campaignContactId>` is unique in the outbox. A reply
 * that arrived while the card was on screen answers 409 follow_up_not_wanted.
 */
export default class SendFollowUp {
  static async handle({ context, texter, data }: Params) {
    const { campaign } = context
    if (campaign.status !== 'active') throw campaignNotActive()
    const step = campaign.followUps.find((candidate) => candidate.id === data.followUpStepId)
    const row = step && (await findFollowUpRow(campaign.id, data.campaignContactId, step.id))
    if (!step || !row) {
      throw new TextingRefusedException('texting.refused.noSuchFollowUp', 'unknown_contact')
    }
    const message = (await repeated(row, texter, data.idempotencyKey)) ?? (await send(step, row))
    return {
      message: { id: message.id, status: message.status },
      ...(await nextAndProgress(context, texter)),
    }

    async function send(wanted: TextingFollowUp, found: FollowUpRow) {
      refuseUnsendable(context, wanted, found, texter)
      const window = windowOf(context, found)
      if (!window.allowed) throw outsideHours(window)
      const from = senderFor(campaign, found.contact_id)
      if (from === null) throw nothingToSendFrom()
      const body = renderFollowUp(context, wanted, found, texter)
      const queued = await db.transaction((trx) =>
        write(trx, {
          context,
          step: wanted,
          row: found,
          texter,
          key: data.idempotencyKey,
          body,
          pictures: followUpPictures(context, wanted, found),
          from,
        })
      )
      if (queued === 'opted_out') {
        throw new TextingRefusedException('texting.refused.optedOut', 'opted_out')
      }
      if (queued !== 'lost') return queued
      // Another request changed the follow-up first: a repeat of this press, or a refusal.
      const fresh = (await findFollowUpRow(campaign.id, found.id, wanted.id))!
      const answer = await repeated(fresh, texter, data.idempotencyKey)
      if (answer) return answer
      refuseUnsendable(context, wanted, fresh, texter)
      throw campaignNotActive()
    }
  }
}

/** The text this press already queued, when it is a repeat of it. */
async function repeated(row: FollowUpRow, texter: Texter, key: string) {
  if (row.send_key !== key || row.sent_by_id !== texter.userId || !row.message_id) return null
  return Message.find(row.message_id)
}

function refuseUnsendable(
  context: SendingContext,
  step: TextingFollowUp,
  row: FollowUpRow,
  texter: Texter
) {
  if (row.erased_at) {
    throw new TextingRefusedException('texting.refused.erased', 'contact_erased')
  }
  if (row.follow_up_status === 'sent') {
    throw new TextingRefusedException('texting.refused.followUpSent', 'already_texted', {
      status: 409,
    })
  }
  if (row.follow_up_status === 'dropped' || (step.when === 'no_reply' && row.replied_at)) {
    throw notWanted()
  }
  if (UNREACHABLE.includes(row.status)) {
    throw new TextingRefusedException('texting.refused.unreachable', 'follow_up_not_wanted', {
      status: 409,
    })
  }
  if (row.assigned_user_id !== texter.userId) {
    throw new TextingRefusedException('texting.refused.noLongerAssigned', 'not_assigned', {
      status: 409,
    })
  }
  if (dateOf(row.due_at) > context.now) {
    throw new TextingRefusedException('texting.refused.followUpNotDue', 'follow_up_not_due', {
      status: 409,
    })
  }
}

/** A timestamp as the driver reads it: a Date (MySQL) or local `yyyy-MM-dd HH:mm:ss` (SQLite). */
function dateOf(value: unknown) {
  return value instanceof Date ? value : new Date(String(value).replace(' ', 'T'))
}

const notWanted = () =>
  new TextingRefusedException('texting.refused.replied', 'follow_up_not_wanted', { status: 409 })

type Pending = {
  context: SendingContext
  step: TextingFollowUp
  row: FollowUpRow
  texter: Texter
  key: string
  body: string
  pictures: MediaItem[]
  from: string
}

/**
 * Claims the follow-up, then queues its text and schedules the next step;
 * 'lost' when another request changed it first. A phone that opted out drops it.
 */
async function write(
  trx: TransactionClientContract,
  { context, step, row, texter, key, body, pictures, from }: Pending
): Promise<Message | 'lost' | 'opted_out'> {
  const { campaign } = context
  const now = sqlTime(clock.now())
  if (await isOptedOut(campaign.organizationId, row.phone, trx)) {
    await trx
      .from('follow_ups')
      .where('id', row.follow_up_id)
      .where('status', 'pending')
      .update({ status: 'dropped', updated_at: now })
    return 'opted_out'
  }
  const stillWanted = trx
    .from('campaign_contacts')
    .where('id', row.id)
    .where('assigned_user_id', texter.userId)
    .whereNotIn('status', UNREACHABLE)
    .if(step.when === 'no_reply', (query) => query.whereNull('replied_at'))
    .select('id')
  const claimed = affected(
    await trx
      .from('follow_ups')
      .where('id', row.follow_up_id)
      .where('status', 'pending')
      .where('due_at', '<=', sqlTime(context.now))
      .whereExists(stillWanted)
      .whereExists(
        trx.from('campaigns').where('id', campaign.id).where('status', 'active').select('id')
      )
      .update({
        status: 'sent',
        sent_at: now,
        sent_by_id: texter.userId,
        send_key: key,
        updated_at: now,
      })
  )
  if (!claimed) return 'lost'
  const idempotencyKey = `followup:${step.id}:${row.id}`
  const message = await queueMessage(
    {
      organizationId: campaign.organizationId,
      providerAccountId: campaign.providerAccountId!,
      from,
      to: row.phone,
      body: campaign.trackLinks
        ? await trackLinks(trx, body, {
            organizationId: campaign.organizationId,
            campaignId: campaign.id,
            campaignContactId: row.id,
            messageKey: idempotencyKey,
            variantId: null,
            followUpStepId: step.id,
            sentById: texter.userId,
            linkDomain: context.organization.settings.linkDomain,
          })
        : body,
      contactId: row.contact_id,
      campaignId: campaign.id,
      campaignContactId: row.id,
      sentById: texter.userId,
      purpose: 'campaign_follow_up',
      idempotencyKey,
      optOutChecked: true,
    },
    trx
  )
  await attachPictures(message, pictures, trx)
  await trx.from('follow_ups').where('id', row.follow_up_id).update({ message_id: message.id })
  await trx
    .from('campaign_contacts')
    .where('id', row.id)
    .update({ last_outbound_at: now, updated_at: now })
  await scheduleNextFollowUp(trx, campaign, row.id, step.position)
  return message
}
