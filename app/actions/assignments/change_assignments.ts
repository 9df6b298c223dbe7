import { refusedField } from '#exceptions/worded_issues'
import db from '@adonisjs/lucid/services/db'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { errors } from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import type Campaign from '#models/campaign'
import CampaignContact from '#models/campaign_contact'
import Membership from '#models/membership'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { audit } from '#services/audit'
import { queueEmails } from '#services/notifications/queue'
import { pushToOrganization } from '#services/realtime/updates'
import { moveAssignments, type Selection } from '#services/texting/reassignment'
import type { assignmentValidator } from '#validators/assignment'

type Params = {
  actor: Membership
  campaign: Campaign
  data: Infer<typeof assignmentValidator>
}

/**
 * An organizer assigns, reassigns or unassigns a campaign's contacts (see
 * assignmentValidator). The target must be an active member; the texter whose
 * load moves may be suspended or gone inactive — that is when a load needs
 * moving most. Another organization's contact or member is not found. The
 * move and its audit record commit together. Answers how many contacts
 * changed hands.
 */
export default class ChangeAssignments {
  static async handle({ actor, campaign, data }: Params) {
    const selection = selectionOf(data)
    const organizationId = campaign.organizationId
    const toUserId = data.action === 'unassign' ? null : data.toUserId!

    if (toUserId !== null) await assertActiveMember(organizationId, toUserId)
    if ('fromUserId' in selection && selection.fromUserId !== undefined) {
      await Membership.forOrganization(organizationId)
        .where('user_id', selection.fromUserId)
        .firstOrFail()
    }
    if (selection.kind === 'contacts')
      await assertInCampaign(campaign, selection.campaignContactIds)
    if (selection.kind === 'pool' && campaign.status !== 'active') {
      throw new ActionRefusedException((i18n) =>
        i18n.t('refusals.campaigns.assignWhileActive', { status: campaign.status })
      )
    }

    const { changed, conversations } = await db.transaction(async (trx) => {
      const moved = await moveAssignments(trx, campaign.id, selection, toUserId)
      await audit(
        {
          organizationId,
          userId: actor.userId,
          action: `campaign.contacts_${data.action}ed`,
          subject: { type: 'campaign', id: campaign.id },
          details: { ...selection, toUserId, changed: moved.changed },
        },
        trx
      )
      // The texter hears of it by email (one per action), unless they assigned themselves.
      if (toUserId !== null && toUserId !== actor.userId && moved.changed > 0) {
        await queueEmails(trx, {
          organizationId,
          userIds: [toUserId],
          kind: 'assignment',
          data: { campaignId: campaign.id, count: moved.changed, assignedByUserId: actor.userId },
        })
      }
      return moved
    })
    // One update reaches every texter who lost or gained conversations: their lists reload.
    if (conversations) {
      pushToOrganization(organizationId, {
        type: 'conversation.updated',
        userIds: [...conversations.previousUserIds, toUserId],
        conversation: {
          ...conversations.sample,
          campaignId: campaign.id,
          assignedUserId: toUserId,
        },
      })
    }
    return { action: data.action, toUserId, changed }
  }
}

function refuse(field: string, message: string): never {
  throw new errors.E_VALIDATION_ERROR([{ field, rule: 'selection', message }])
}

/** Turns the request into exactly one selection, or says what is wrong with it. */
function selectionOf(data: Infer<typeof assignmentValidator>): Selection {
  const { action, count, campaignContactIds, fromUserId, scope, repliesOlderThanHours } = data
  if (action === 'unassign' && data.toUserId !== undefined) {
    refuse('toUserId', 'Unassigning returns contacts to the pool; leave out toUserId')
  }
  if (action === 'assign') {
    if (campaignContactIds || fromUserId !== undefined || repliesOlderThanHours !== undefined) {
      refuse('action', 'Assign takes contacts from the pool; to move chosen ones, reassign them')
    }
    return { kind: 'pool', count: count! }
  }
  if (count !== undefined) refuse('count', 'A count applies only to assigning from the pool')
  if (campaignContactIds) {
    if (fromUserId !== undefined || repliesOlderThanHours !== undefined) {
      refuse(
        'campaignContactIds',
        'Choose contacts, a texter’s load or waiting replies, not several'
      )
    }
    return { kind: 'contacts', campaignContactIds }
  }
  if (repliesOlderThanHours !== undefined) {
    if (scope !== undefined) refuse('scope', 'A scope applies only to moving a texter’s load')
    return { kind: 'waitingReplies', olderThanHours: repliesOlderThanHours, fromUserId }
  }
  if (fromUserId !== undefined) return { kind: 'load', fromUserId, scope: scope ?? 'all' }
  refuse(
    'campaignContactIds',
    'Say what to move: campaignContactIds, fromUserId or repliesOlderThanHours'
  )
}

async function assertActiveMember(organizationId: number, userId: number) {
  const member = await Membership.forOrganization(organizationId)
    .where('user_id', userId)
    .firstOrFail()
  if (!member.isActive) {
    throw refusedField('toUserId', 'activeMember', 'refusals.fields.memberNotActive', {
      status: member.status,
    })
  }
}

/** Every chosen contact belongs to this campaign; otherwise none is touched (404). */
async function assertInCampaign(campaign: Campaign, ids: number[]) {
  const found = await CampaignContact.forOrganization(campaign.organizationId)
    .where('campaign_id', campaign.id)
    .whereIn('id', ids)
    .count('* as total')
  if (Number(found[0].$extras.total) !== ids.length) {
    throw new lucidErrors.E_ROW_NOT_FOUND(CampaignContact)
  }
}
