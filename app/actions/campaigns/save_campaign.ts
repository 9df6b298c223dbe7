import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Infer } from '@vinejs/vine/types'
import Campaign from '#models/campaign'
import Organization from '#models/organization'
import ContactList from '#models/contact_list'
import ProviderAccount from '#models/provider_account'
import Segment from '#models/segment'
import SenderNumber from '#models/sender_number'
import ScriptVariant from '#models/script_variant'
import InteractionStep from '#models/interaction_step'
import CannedResponse from '#models/canned_response'
import FollowUpStep from '#models/follow_up_step'
import type Membership from '#models/membership'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { flattenSurvey } from '#services/campaigns/survey_tree'
import { audienceOf } from '#services/campaigns/audience'
import { checkSurvey, type campaignValidator } from '#validators/campaign'
import { checkOwnMedia } from '#services/media/attachments'
import { refusedField } from '#exceptions/worded_issues'

export type CampaignData = Infer<typeof campaignValidator>

type Params = { actor: Membership; data: CampaignData; campaign?: Campaign }

/**
 * Creates a draft campaign, or rewrites a draft (its script is replaced as a
 * whole). The provider account, its sender numbers, the lists and the segment
 * must all be the organization's own; another organization's id reads as
 * "not found", never as a hint that it exists.
 */
export default class SaveCampaign {
  static async handle({ actor, data, campaign }: Params) {
    if (campaign && campaign.status !== 'draft') {
      throw new ActionRefusedException('refusals.campaigns.draftOnly')
    }
    const organizationId = actor.organizationId
    const steps = checkSurvey(data.script.steps ?? [])
    await checkOwnership(organizationId, data)
    const trackLinks =
      data.trackLinks ?? campaign?.trackLinks ?? (await tracksLinks(organizationId))

    return db.transaction(async (trx) => {
      const record = campaign ?? new Campaign()
      record.useTransaction(trx)
      record.merge({
        organizationId,
        name: data.name,
        purpose: data.purpose ?? null,
        status: 'draft',
        providerAccountId: data.providerAccountId ?? null,
        senderNumbers: data.senderNumbers ?? [],
        audience: audienceOf(data.audience ?? {}),
        textingHours: data.textingHours ?? null,
        batchSize: data.batchSize ?? 200,
        maxContactsPerTexter: data.maxContactsPerTexter ?? null,
        allowInitialEdit: data.allowInitialEdit ?? false,
        trackLinks: Boolean(trackLinks),
      })
      if (!campaign) record.createdById = actor.userId
      await record.save()
      await replaceScript(trx, record, data, steps)
      return record
    })
  }
}

/** The organization's default for new campaigns. */
async function tracksLinks(organizationId: number) {
  const organization = await Organization.findOrFail(organizationId)
  return organization.settings.trackLinks
}

async function checkOwnership(organizationId: number, data: CampaignData) {
  if (data.providerAccountId) {
    const account = await ProviderAccount.findForOrganization(
      organizationId,
      data.providerAccountId
    )
    if (!account) {
      throw refusedField('providerAccountId', 'exists', 'refusals.fields.noSuchProviderAccount')
    }
    const wanted = data.senderNumbers ?? []
    if (wanted.length) {
      const known = await SenderNumber.query()
        .where('provider_account_id', account.id)
        .whereIn('phone', wanted)
      const knownPhones = new Set(known.map((number) => number.phone))
      const index = wanted.findIndex((phone) => !knownPhones.has(phone))
      if (index >= 0) {
        throw refusedField(`senderNumbers.${index}`, 'exists', 'refusals.fields.notAccountNumber', {
          phone: wanted[index],
        })
      }
    }
  } else if (data.senderNumbers?.length) {
    throw refusedField('providerAccountId', 'required', 'refusals.fields.chooseNumbersAccount')
  }

  for (const key of ['listIds', 'excludeListIds'] as const) {
    const ids = data.audience?.[key] ?? []
    if (!ids.length) continue
    const found = await ContactList.forOrganization(organizationId).whereIn('id', ids).select('id')
    const foundIds = new Set(found.map((list) => list.id))
    const index = ids.findIndex((listId) => !foundIds.has(listId))
    if (index >= 0)
      throw refusedField(`audience.${key}.${index}`, 'exists', 'refusals.fields.noSuchList')
  }
  if (data.audience?.segmentId) {
    const segment = await Segment.findForOrganization(organizationId, data.audience.segmentId)
    if (!segment)
      throw refusedField('audience.segmentId', 'exists', 'refusals.fields.noSuchSegment')
  }
  await checkOwnMedia(organizationId, mediaFields(data.script))
}

/** Every list of pictures in the script, by its field path. */
function mediaFields(script: CampaignData['script']) {
  const lists: Record<string, number[]> = {}
  script.initial.forEach((variant, index) => {
    lists[`script.initial.${index}.mediaIds`] = variant.mediaIds ?? []
  })
  script.followUps?.forEach((step, index) => {
    step.variants.forEach((variant, at) => {
      lists[`script.followUps.${index}.variants.${at}.mediaIds`] = variant.mediaIds ?? []
    })
  })
  script.cannedResponses?.forEach((response, index) => {
    lists[`script.cannedResponses.${index}.mediaIds`] = response.mediaIds ?? []
  })
  return lists
}

/** Replaces the variants, the survey tree, the campaign's own canned responses and follow-ups. */
async function replaceScript(
  trx: TransactionClientContract,
  campaign: Campaign,
  data: CampaignData,
  steps: ReturnType<typeof checkSurvey>
) {
  const owned = { organizationId: campaign.organizationId, campaignId: campaign.id }
  for (const model of [ScriptVariant, InteractionStep, CannedResponse, FollowUpStep]) {
    await model.query({ client: trx }).where('campaign_id', campaign.id).delete()
  }
  await ScriptVariant.createMany(
    data.script.initial.map((variant, position) => ({
      ...owned,
      body: variant.body,
      weight: variant.weight ?? 1,
      mediaIds: variant.mediaIds ?? [],
      position,
    })),
    { client: trx }
  )
  // Parents come before their children, so each parent's id is known when its children are saved.
  const ids: number[] = []
  for (const row of flattenSurvey(steps)) {
    const step = await InteractionStep.create(
      {
        ...owned,
        parentId: row.parent === null ? null : ids[row.parent],
        answerOption: row.answerOption,
        script: row.script,
        question: row.question,
        position: row.position,
      },
      { client: trx }
    )
    ids.push(step.id)
  }
  await CannedResponse.createMany(
    (data.script.cannedResponses ?? []).map((response, position) => ({
      ...owned,
      title: response.title,
      body: response.body,
      tags: response.tags ?? [],
      mediaIds: response.mediaIds ?? [],
      position,
    })),
    { client: trx }
  )
  await FollowUpStep.createMany(
    (data.script.followUps ?? []).map((step, index) => ({
      ...owned,
      position: index + 1,
      afterHours: step.afterHours,
      when: step.when ?? 'no_reply',
      variants: step.variants.map(({ body, weight, mediaIds }) => ({
        body,
        weight: weight ?? 1,
        mediaIds: mediaIds ?? [],
      })),
    })),
    { client: trx }
  )
}
