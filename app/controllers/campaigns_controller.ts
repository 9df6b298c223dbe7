import { wordIssues } from '#exceptions/worded_issues'
import MediaItem from '#models/media_item'
import MediaItemTransformer from '#transformers/media_item_transformer'
import type { HttpContext } from '@adonisjs/core/http'
import { picturesInOrder } from '#services/media/attachments'
import type { CampaignScript } from '#services/campaigns/script'
import { errors } from '@vinejs/vine'
import Campaign from '#models/campaign'
import ContactList from '#models/contact_list'
import Organization from '#models/organization'
import ProviderAccount from '#models/provider_account'
import Segment from '#models/segment'
import SenderNumber from '#models/sender_number'
import SaveCampaign from '#actions/campaigns/save_campaign'
import LaunchCampaign from '#actions/campaigns/launch_campaign'
import CopyCampaign from '#actions/campaigns/copy_campaign'
import PreviewCampaign from '#actions/campaigns/preview_campaign'
import ChangeCampaignStatus, { type StatusChange } from '#actions/campaigns/change_campaign_status'
import GetCampaignDetails from '#actions/campaigns/get_campaign_details'
import { audienceOf, countAudience } from '#services/campaigns/audience'
import { campaignProgress } from '#services/campaigns/progress'
import { launchReadiness } from '#services/campaigns/readiness'
import { customFieldHeaders } from '#services/contacts/custom_field_headers'
import { escalatedCount } from '#services/texting/supervision'
import {
  audienceCountValidator,
  campaignPreviewValidator,
  campaignValidator,
} from '#validators/campaign'
import CampaignTransformer from '#transformers/campaign_transformer'
import CampaignSummaryTransformer from '#transformers/campaign_summary_transformer'
import ProviderAccountTransformer from '#transformers/provider_account_transformer'

export default class CampaignsController {
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const campaigns = await Campaign.forOrganization(membership.organizationId)
      .whereNot('status', 'archived')
      .orderBy('id', 'desc')
    const progress = await campaignProgress(campaigns.map((campaign) => campaign.id))
    return inertia.render('campaigns/index', {
      campaigns: campaigns.map((campaign) =>
        new CampaignSummaryTransformer(campaign, progress.get(campaign.id)!).toObject()
      ),
      canManage: await bouncer.with('CampaignPolicy').allows('manage'),
    })
  }

  async create({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    return inertia.render('campaigns/edit', {
      campaign: null,
      ...(await builderChoices(membership.organizationId)),
    })
  }

  async store({ request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const data = await request.validateUsing(campaignValidator)
    const campaign = await SaveCampaign.handle({ actor: membership, data })
    session.flash('success', i18n.t('flash.campaigns.draftCreated', { name: campaign.name }))
    return response.redirect().toRoute('campaigns.show', { id: campaign.id })
  }

  async show({ inertia, params, membership, organization, bouncer, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('view')
    const campaign = await find(membership.organizationId, params.id)
    const account = campaign.providerAccountId
      ? await ProviderAccount.findForOrganization(
          membership.organizationId,
          campaign.providerAccountId
        )
      : null
    const details = await GetCampaignDetails.handle(campaign)
    return inertia.render('campaigns/show', {
      campaign: new CampaignTransformer(details).toObject(),
      pictures: await scriptPictures(membership.organizationId, details.script),
      providerAccountName: account?.name ?? null,
      orgTextingHours: organization.settings.textingHours,
      canManage: await bouncer.with('CampaignPolicy').allows('manage'),
      // Launched campaigns link to their Texters and review pages, with what awaits supervisors.
      escalated: campaign.status === 'draft' ? null : await escalatedCount(campaign.id),
      readiness:
        campaign.status === 'draft'
          ? await launchReadiness(
              campaign,
              organization,
              await customFieldHeaders(organization.id),
              { i18n }
            )
          : null,
    })
  }

  async edit({ inertia, params, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const campaign = await find(membership.organizationId, params.id)
    return inertia.render('campaigns/edit', {
      campaign: new CampaignTransformer(await GetCampaignDetails.handle(campaign)).toObject(),
      ...(await builderChoices(membership.organizationId)),
    })
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const campaign = await find(membership.organizationId, params.id)
    const data = await request.validateUsing(campaignValidator)
    await SaveCampaign.handle({ actor: membership, data, campaign })
    session.flash('success', i18n.t('flash.campaigns.draftSaved'))
    return response.redirect().toRoute('campaigns.show', { id: campaign.id })
  }

  /** Blockers come back as the flashed error, one sentence each. */
  async launch({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const campaign = await find(membership.organizationId, params.id)
    try {
      const { targeted } = await LaunchCampaign.handle({ actor: membership, campaign, i18n })
      session.flash('success', i18n.t('flash.campaigns.launched', { count: targeted }))
    } catch (error) {
      if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
      const messages = wordIssues(error.messages as { message: string }[], i18n).map(
        (m) => m.message
      )
      session.flash(
        'error',
        i18n.t('flash.campaigns.notLaunched', { reasons: messages.join('; ') })
      )
    }
    return response.redirect().toRoute('campaigns.show', { id: campaign.id })
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

  async copy({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const campaign = await find(membership.organizationId, params.id)
    const copy = await CopyCampaign.handle({ actor: membership, campaign })
    session.flash('success', i18n.t('flash.campaigns.copied', { name: copy.name }))
    return response.redirect().toRoute('campaigns.edit', { id: copy.id })
  }

  /** The builder's live audience count (JSON). */
  async audienceCount({ request, membership, bouncer }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const { audience } = await request.validateUsing(audienceCountValidator)
    return { count: await countAudience(membership.organizationId, audienceOf(audience)) }
  }

  /** The script step's live preview (JSON): rendered samples, encoding, lints, cost. */
  async preview({ request, membership, organization, bouncer, i18n }: HttpContext) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const { audience, variants, trackLinks } = await request.validateUsing(campaignPreviewValidator)
    await membership.load('user')
    return PreviewCampaign.handle({
      organization,
      texterName: membership.user.fullName,
      audience: audienceOf(audience),
      variants,
      trackLinks: trackLinks ?? false,
      i18n,
    })
  }

  async #change(
    { params, response, membership, bouncer, session, i18n }: HttpContext,
    change: StatusChange
  ) {
    await bouncer.with('CampaignPolicy').authorize('manage')
    const campaign = await find(membership.organizationId, params.id)
    try {
      await ChangeCampaignStatus.handle({ actor: membership, campaign, change })
      session.flash('success', i18n.t('flash.campaigns.statusChanged', { change }))
    } catch (error) {
      if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
      session.flash('error', wordIssues(error.messages as { message: string }[], i18n)[0].message)
    }
    return response.redirect().back()
  }
}

function find(organizationId: number, id: unknown) {
  return Campaign.findForOrganizationOrFail(organizationId, id)
}

/** The library pictures the script's first texts and follow-ups carry, as the page shows them. */
async function scriptPictures(organizationId: number, script: CampaignScript) {
  const ids = [
    ...script.initial.flatMap((variant) => variant.mediaIds ?? []),
    ...script.followUps.flatMap((step) => step.variants.flatMap((each) => each.mediaIds ?? [])),
  ]
  const items = await picturesInOrder(organizationId, [...new Set(ids)])
  return items.map((item) => new MediaItemTransformer(item).toPage())
}

/** What the builder offers: lists, segments, provider accounts with their numbers, defaults. */
async function builderChoices(organizationId: number) {
  const [lists, segments, accounts, numbers, organization, media] = await Promise.all([
    ContactList.forOrganization(organizationId).orderBy('name').select('id', 'name'),
    Segment.forOrganization(organizationId).orderBy('name').select('id', 'name'),
    ProviderAccount.forOrganization(organizationId).orderBy('name'),
    SenderNumber.forOrganization(organizationId).orderBy('phone'),
    Organization.findOrFail(organizationId),
    MediaItem.forOrganization(organizationId).orderBy('id', 'desc'),
  ])
  return {
    lists: lists.map(({ id, name }) => ({ id, name })),
    segments: segments.map(({ id, name }) => ({ id, name })),
    accounts: accounts.map((account) =>
      new ProviderAccountTransformer(
        account,
        numbers.filter((number) => number.providerAccountId === account.id)
      ).toChoice()
    ),
    orgTextingHours: organization.settings.textingHours,
    pricePerSegment: organization.settings.pricePerSegment,
    pricePerMms: organization.settings.pricePerMms,
    media: media.map((item) => new MediaItemTransformer(item).toPage()),
    orgTrackLinks: organization.settings.trackLinks,
  }
}
