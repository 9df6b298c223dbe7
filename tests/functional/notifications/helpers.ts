import db from '@adonisjs/lucid/services/db'
import type Membership from '#models/membership'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { NotificationWorker } from '#services/notifications/worker'
import { createMember } from '#tests/helpers/members'
import { launchedCampaign } from '#tests/helpers/supervision'
import { useSmtpInbox } from '#tests/helpers/smtp_inbox'

/** An owner, a supervisor and a texter of one organization, with an active campaign. */
export async function notificationWorld(size = 4) {
  const owner = await createMember('owner')
  const organization = owner.organization
  const supervisor = await createMember('supervisor', { organization })
  const texter = await createMember('texter', { organization })
  const { campaign, rows } = await launchedCampaign(owner, size)
  return { owner, supervisor, texter, organization, campaign, rows }
}

/** A worker like the web process's: `send()` runs one full pass. */
export function worker() {
  const instance = new NotificationWorker()
  return { instance, send: () => instance.runOnce() }
}

/** Conversations `member` holds whose contact replied `minutesAgo` minutes ago (clock time). */
export async function waitingReplies(
  rows: { id: number }[],
  member: Membership,
  minutesAgo: number
) {
  const now = clock.now().getTime()
  await db
    .from('campaign_contacts')
    .whereIn(
      'id',
      rows.map((row) => row.id)
    )
    .update({
      assigned_user_id: member.userId,
      status: 'needs_response',
      messaged_at: sqlTime(new Date(now - 3600_000)),
      last_inbound_at: sqlTime(new Date(now - minutesAgo * 60_000)),
    })
}

/**
 * SMTP pointed at a local inbox for each test of `group`, the clock back to
 * real time after it.
 */
export function withSmtpInbox(group: { each: { setup(fn: () => unknown): unknown } }) {
  const state: { inbox: Awaited<ReturnType<typeof useSmtpInbox>>['inbox'] } = {} as never
  group.each.setup(async () => {
    const { inbox, restore } = await useSmtpInbox()
    state.inbox = inbox
    return async () => {
      clock.reset()
      await restore()
    }
  })
  return state
}
