import type { HttpContext } from '@adonisjs/core/http'
import ChangeAssignments from '#actions/assignments/change_assignments'
import { campaignOf } from '#services/texting/campaign_lookup'
import { escalatedCount, poolCount, texterFigures } from '#services/texting/supervision'
import { assignmentValidator } from '#validators/assignment'

/** `/api/v1/campaigns/:id/assignments`: who holds what, and an organizer's moves. */
export default class AssignmentsController {
  async index({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('SupervisionPolicy').authorize('supervise')
    const campaign = await campaignOf(membership.organizationId, params.id)
    return {
      campaignId: campaign.id,
      unassigned: await poolCount(campaign.id),
      escalated: await escalatedCount(campaign.id),
      texters: await texterFigures(campaign.id, campaign.organizationId),
    }
  }

  async store({ params, request, membership, bouncer }: HttpContext) {
    await bouncer.with('SupervisionPolicy').authorize('supervise')
    const campaign = await campaignOf(membership.organizationId, params.id)
    const data = await request.validateUsing(assignmentValidator)
    return ChangeAssignments.handle({ actor: membership, campaign, data })
  }
}
