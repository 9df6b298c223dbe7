import { refusedField } from '#exceptions/worded_issues'
import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type Campaign from '#models/campaign'
import CampaignReplyHandler from '#models/campaign_reply_handler'
import Membership from '#models/membership'
import { audit } from '#services/audit'
import type { replyHandlersValidator } from '#validators/assignment'

type Params = {
  actor: Membership
  campaign: Campaign
  data: Infer<typeof replyHandlersValidator>
}

/**
 * Sets whether a campaign's replies go to its reply handlers, and who they
 * are (active members of the organization). Routing replies needs at least
 * one handler. The setting, the list and the audit record commit together.
 */
export default class SaveReplyHandlers {
  static async handle({ actor, campaign, data }: Params) {
    const userIds = data.userIds ?? []
    const members = userIds.length
      ? await Membership.forOrganization(campaign.organizationId)
          .whereIn('user_id', userIds)
          .where('status', 'active')
      : []
    if (members.length !== userIds.length) {
      throw refusedField('userIds', 'activeMember', 'refusals.fields.handlersActive')
    }
    if (data.routeRepliesToHandlers && !userIds.length) {
      throw refusedField('userIds', 'required', 'refusals.fields.chooseHandler')
    }

    await db.transaction(async (trx) => {
      await CampaignReplyHandler.query({ client: trx })
        .where('campaign_id', campaign.id)
        .whereNotIn('user_id', userIds)
        .delete()
      const kept = await CampaignReplyHandler.query({ client: trx })
        .where('campaign_id', campaign.id)
        .select('user_id')
      const have = new Set(kept.map((handler) => handler.userId))
      await CampaignReplyHandler.createMany(
        userIds
          .filter((userId) => !have.has(userId))
          .map((userId) => ({
            organizationId: campaign.organizationId,
            campaignId: campaign.id,
            userId,
          })),
        { client: trx }
      )
      campaign.routeRepliesToHandlers = data.routeRepliesToHandlers
      await campaign.useTransaction(trx).save()
      await audit(
        {
          organizationId: campaign.organizationId,
          userId: actor.userId,
          action: 'campaign.reply_handlers_changed',
          subject: { type: 'campaign', id: campaign.id },
          details: { routeRepliesToHandlers: data.routeRepliesToHandlers, userIds },
        },
        trx
      )
    })
  }
}
