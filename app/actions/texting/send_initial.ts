import type MediaItem from '#models/media_item'
import { attachPictures } from '#services/media/attachments'
import { DateTime } from 'luxon'
import Message from '#models/message'
import TextingRefusedException from '#exceptions/texting_refused_exception'
import type { I18n } from '@adonisjs/i18n'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { isOptedOut, queueMessage } from '#services/outbox/enqueue'
import { GroupCommit } from '#services/db/group_commit'
import { counterShard } from '#database/report_counters'
import type { TextingWindow } from '#services/texting_hours/index'
import { wordTextingHours } from '#services/texting_hours/wording'
import { sqlNow } from '#services/db/sql_time'
import { affected, markUnsentOptedOut } from '#services/texting/assignment'
import { senderFor, type TextingCampaign } from '#services/texting/campaign_context'
import { findSendableRow, type SendableRow } from '#services/texting/sendable_rows'
import type { SendingContext, Texter } from '#services/texting/sending_context'
import { windowOf } from '#services/texting/sending_windows'
import { initialPictures, renderInitial } from '#services/texting/initial_message'
import { nextAndProgress } from '#services/texting/send_screen'
import { campaignNotActive, nothingToSendFrom } from '#services/texting/refusals'
import { scheduleNextFollowUp } from '#services/follow_ups/schedule'
import { trackLinks } from '#services/links/tracked_texts'

type Params = {
  context: SendingContext
  texter: Texter
  data: { campaignContactId: number; idempotencyKey: string; body?: string }
}

/**
 * One press of Send: the contact's first text, queued for the dispatcher.
 * The screen never waits on the provider; the answer carries the next card.
 *
 * Exactly one first text per campaign contact: the contact moves from
 * needs_message to messaged by a conditional UPDATE in the same transaction
 * that queues the message (still assigned to this texter, campaign still
 * active), and the message's idempotency key is `initial:<campaignContactId>`,
 * unique in the outbox. The screen's own key identifies the press: the same
 * press again (a retry, a held Enter that slipped through) answers the text
 * it already queued; another press for a texted contact is refused.
 */
export default class SendInitial {
  static async handle({ context, texter, data }: Params) {
    const { campaign } = context
    if (campaign.status !== 'active') throw campaignNotActive()
    const row = await findSendableRow(campaign.id, data.campaignContactId)
    const message = (await repeated(row, texter, data.idempotencyKey)) ?? (await send())
    return {
      message: { id: message.id, status: message.status },
      ...(await nextAndProgress(context, texter)),
    }

    async function send() {
      refuseUnsendable(row, texter)
      const window = windowOf(context, row)
      if (!window.allowed) throw outsideHours(window)
      const body = bodyToSend(context, renderInitial(context, row, texter), data.body)
      const from = senderFor(campaign, row.contact_id)
      if (from === null) throw nothingToSendFrom()
      const queued = await sends.add({
        campaign,
        linkDomain: context.organization.settings.linkDomain,
        row,
        texter,
        key: data.idempotencyKey,
        body,
        pictures: initialPictures(context, row),
        from,
      })
      if (queued === 'opted_out') {
        await markUnsentOptedOut(row.id)
        throw new TextingRefusedException('texting.refused.optedOut', 'opted_out')
      }
      if (queued !== 'lost') return queued
      // Another request changed the contact first: a repeat of this press, or a refusal.
      const fresh = await findSendableRow(campaign.id, row.id)
      const answer = await repeated(fresh, texter, data.idempotencyKey)
      if (answer) return answer
      refuseUnsendable(fresh, texter)
      throw campaignNotActive()
    }
  }
}

/** The text this press already queued, when it is a repeat of it. */
async function repeated(row: SendableRow, texter: Texter, key: string) {
  if (row.initial_send_key !== key || row.messaged_by_id !== texter.userId) return null
  return Message.query().where('idempotency_key', initialKey(row.id)).first()
}

function refuseUnsendable(row: SendableRow, texter: Texter) {
  if (row.erased_at) {
    throw new TextingRefusedException('texting.refused.erased', 'contact_erased')
  }
  if (row.status !== 'needs_message') {
    throw new TextingRefusedException('texting.refused.alreadyTexted', 'already_texted', {
      status: 409,
    })
  }
  if (row.assigned_user_id !== texter.userId) {
    throw new TextingRefusedException('texting.refused.noLongerAssigned', 'not_assigned', {
      status: 409,
    })
  }
}

export function outsideHours(window: TextingWindow) {
  const { opensAt } = window
  const wording = (i18n: Pick<I18n, 't' | 'locale'>) => {
    const reason = window.reason
      ? wordTextingHours(window.reason, i18n)
      : i18n.t('texting.refused.outsideHours')
    if (!opensAt) return reason
    const time = DateTime.fromJSDate(opensAt, { zone: window.zones[0] })
      .setLocale(i18n.locale)
      .toFormat('ccc HH:mm')
    return `${reason} ${i18n.t('texting.refused.resumeFrom', { time })}`
  }
  return new TextingRefusedException(wording, 'outside_texting_hours', {
    resumeAt: opensAt ?? null,
  })
}

/** The rendered script, or the texter's own wording where the campaign allows editing. */
function bodyToSend(context: SendingContext, rendered: string, edited: string | undefined) {
  if (edited === undefined || edited.trim() === rendered.trim()) return rendered
  if (!context.campaign.allowInitialEdit) {
    throw new TextingRefusedException('texting.refused.editNotAllowed', 'edit_not_allowed')
  }
  return edited.trim()
}

function initialKey(campaignContactId: number) {
  return `initial:${campaignContactId}`
}

type Pending = {
  campaign: TextingCampaign
  linkDomain: string | null
  row: SendableRow
  texter: Texter
  key: string
  body: string
  pictures: MediaItem[]
  from: string
}

/**
 * Claims the contact's first text, then queues it; 'lost' when another
 * request changed the contact first. Expected refusals are answers, not
 * errors, so one refused send never makes its burst retry one by one.
 * The claim's own statement makes sure the phone is not opted out; only a
 * claim that failed asks why.
 */
async function write(
  { campaign, linkDomain, row, texter, key, body, pictures, from }: Pending,
  trx: TransactionClientContract
): Promise<Message | 'lost' | 'opted_out'> {
  const now = sqlNow()
  const claimed = affected(
    await trx
      .from('campaign_contacts')
      .where('id', row.id)
      .where('assigned_user_id', texter.userId)
      .where('status', 'needs_message')
      .whereExists(
        trx.from('campaigns').where('id', campaign.id).where('status', 'active').select('id')
      )
      .whereNotExists(
        trx
          .from('opt_outs')
          .where('organization_id', campaign.organizationId)
          .where('phone', row.phone)
          .select('id')
      )
      .update({
        status: 'messaged',
        messaged_at: now,
        messaged_by_id: texter.userId,
        last_outbound_at: now,
        delivery: 'queued',
        initial_send_key: key,
        updated_at: now,
      })
  )
  if (!claimed) {
    return (await isOptedOut(campaign.organizationId, row.phone, trx)) ? 'opted_out' : 'lost'
  }
  await scheduleNextFollowUp(trx, campaign, row.id, 0)
  const idempotencyKey = initialKey(row.id)
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
            variantId: row.variant_id,
            followUpStepId: null,
            sentById: texter.userId,
            linkDomain,
          })
        : body,
      contactId: row.contact_id,
      campaignId: campaign.id,
      campaignContactId: row.id,
      sentById: texter.userId,
      purpose: 'campaign_initial',
      idempotencyKey,
      optOutChecked: true,
    },
    trx
  )
  await attachPictures(message, pictures, trx)
  return message
}

/**
 * Sends that arrive together commit together (on SQLite the commit is the
 * costly part), in the order of the counter shards they move.
 */
const sends = new GroupCommit(write, ({ campaign, row }) => [
  counterShard(row.id),
  campaign.id,
  row.id,
])
