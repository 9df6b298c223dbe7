import type { HttpContext } from '@adonisjs/core/http'
import Campaign from '#models/campaign'
import SaveCampaign from '#actions/campaigns/save_campaign'
import LaunchCampaign from '#actions/campaigns/launch_campaign'
import CopyCampaign from '#actions/campaigns/copy_campaign'
import ChangeCampaignStatus, { type StatusChange } from '#actions/campaigns/change_campaign_status'
import GetCampaignDetails from '#actions/campaigns/get_campaign_details'
import { campaignProgress } from '#services/campaigns/progress'
import { campaignValidator, copyCampaignValidator } from '#validators/campaign'
import { paginationValidator } from '#validators/pagination'
import CampaignTransformer from '#transformers/campaign_transformer'
import CampaignSummaryTransformer from '#transformers/campaign_summary_transformer'

export default class CampaignsController {
  async index({ request, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const { page = 1, perPage = 50 } = await request.validateUsing(paginationValidator, {
      data: request.qs(),
    })
    const result = await Campaign.forOrganization(membership.organizationId)
      .orderBy('id', 'desc')
      .paginate(page, perPage)
    const progress = await campaignProgress(result.all().map((campaign) => campaign.id))
    return {
      data: result
        .all()
        .map((campaign) =>
          new CampaignSummaryTransformer(campaign, progress.get(campaign.id)!).toObject()
        ),
      meta: { total: result.total, page, perPage },
    }
  }

  async store({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(campaignValidator)
    const campaign = await SaveCampaign.handle({ actor: membership, data })
    return response.created({ id: campaign.id, status: campaign.status })
  }

  async show({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    return present(await find(membership.organizationId, params.id))
  }

  async update({ params, request, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const campaign = await find(membership.organizationId, params.id)
    const data = await request.validateUsing(campaignValidator)
    return present(await SaveCampaign.handle({ actor: membership, data, campaign }))
  }

  async launch({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const found = await find(membership.organizationId, params.id)
    const { campaign, targeted, warnings } = await LaunchCampaign.handle({
      actor: membership,
      campaign: found,
    })
    return {
      id: campaign.id,
      status: campaign.status,
      targeted,
      warnings: warnings.map(({ field, message, code }) => ({ field, message, rule: code })),
    }
  }

  pause(ctx: HttpContext) {
    return this.#change(ctx, 'pause')
  }

  resume(ctx: HttpContext) {
    return this.#change(ctx, 'resume')
  }

  complete(ctx: HttpContext) {
    return this.#change(ctx, 'complete')
  }

  archive(ctx: HttpContext) {
    return this.#change(ctx, 'archive')
  }

  async copy({ params, request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const campaign = await find(membership.organizationId, params.id)
    const { name } = await request.validateUsing(copyCampaignValidator)
    const copy = await CopyCampaign.handle({ actor: membership, campaign, name })
    return response.created({ id: copy.id, status: copy.status })
  }

  async #change({ params, membership, bouncer }: HttpContext, change: StatusChange) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const campaign = await find(membership.organizationId, params.id)
    const changed = await ChangeCampaignStatus.handle({ actor: membership, campaign, change })
    return { id: changed.id, status: changed.status }
  }
}

async function present(campaign: Campaign) {
  return new CampaignTransformer(await GetCampaignDetails.handle(campaign)).toObject()
}

function find(organizationId: number, id: unknown) {
  return Campaign.findForOrganizationOrFail(organizationId, id)
}
