import type { HttpContext } from '@adonisjs/core/http'
import CampaignReplyHandler from '#models/campaign_reply_handler'
import ChangeAssignments from '#actions/assignments/change_assignments'
import SaveReplyHandlers from '#actions/assignments/save_reply_handlers'
import { campaignOf } from '#services/texting/campaign_lookup'
import {
  activeMembers,
  escalatedCount,
  poolCount,
  texterFigures,
} from '#services/texting/supervision'
import { assignmentValidator, replyHandlersValidator } from '#validators/assignment'

/**
 * A campaign's "Texters" page: who holds what, who is texting now, the
 * organizer's assignment forms and the reply handlers. The review page's
 * reassign form posts to `assign` as well.
 */
export default class CampaignTextersController {
  async index({ inertia, params, membership, bouncer }: HttpContext) {
    await bouncer.with('SupervisionPolicy').authorize('supervise')
    const campaign = await campaignOf(membership.organizationId, params.id)
    const handlers = await CampaignReplyHandler.query()
      .where('campaign_id', campaign.id)
      .select('user_id')
    return inertia.render('campaigns/texters', {
      campaign: {
        id: campaign.id,
        name: campaign.name,
        status: campaign.status,
        // SQLite reads booleans back as 0 and 1.
        routeRepliesToHandlers: Boolean(campaign.routeRepliesToHandlers),
      },
      texters: await texterFigures(campaign.id, campaign.organizationId),
      members: await activeMembers(campaign.organizationId),
      replyHandlerIds: handlers.map((handler) => handler.userId),
      pool: await poolCount(campaign.id),
      escalated: await escalatedCount(campaign.id),
    })
  }

  async assign({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('SupervisionPolicy').authorize('supervise')
    const campaign = await campaignOf(membership.organizationId, params.id)
    const data = await request.validateUsing(assignmentValidator)
    const { changed } = await ChangeAssignments.handle({ actor: membership, campaign, data })
    session.flash(
      'success',
      i18n.t(changed ? 'flash.assignments.changed' : 'flash.assignments.unchanged', {
        action: data.action,
        count: changed,
      })
    )
    return response.redirect().back()
  }

  async replyHandlers({
    params,
    request,
    response,
    membership,
    bouncer,
    session,
    i18n,
  }: HttpContext) {
    await bouncer.with('SupervisionPolicy').authorize('supervise')
    const campaign = await campaignOf(membership.organizationId, params.id)
    const data = await request.validateUsing(replyHandlersValidator)
    await SaveReplyHandlers.handle({ actor: membership, campaign, data })
    session.flash(
      'success',
      i18n.t(
        data.routeRepliesToHandlers
          ? 'flash.campaigns.repliesToHandlers'
          : 'flash.campaigns.repliesToTexter'
      )
    )
    return response.redirect().back()
  }
}
