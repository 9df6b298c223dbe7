import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import IntegrationAccount from '#models/integration_account'
import Campaign from '#models/campaign'
import InteractionStep from '#models/interaction_step'
import Tag from '#models/tag'
import SaveCampaignMapping, { type MappingEntry } from '#actions/integrations/save_campaign_mapping'
import { campaignMappingValidator } from '#validators/integration'
import integrations from '#services/integrations/plugins'

/** Form keys are step and tag ids; only the campaign's own ones are kept. */
function entriesOf(
  kind: MappingEntry['kind'],
  values: Record<string, string | null | undefined> | undefined,
  allowed: Set<number>
) {
  return Object.entries(values ?? {}).flatMap(([localId, remoteId]) =>
    allowed.has(Number(localId)) && remoteId ? [{ kind, localId: Number(localId), remoteId }] : []
  )
}

/** One campaign's mapping to an integration's CRM ids (admins). */
export default class IntegrationMappingsController {
  async edit({ params, inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('IntegrationAccountPolicy').authorize('manage')
    const { account, campaign } = await this.#find(membership.organizationId, params)
    const [plugin, steps, tags, mappings] = await Promise.all([
      integrations.plugin(account.plugin),
      InteractionStep.query().where('campaign_id', campaign.id).orderBy('position').orderBy('id'),
      Tag.forOrganization(membership.organizationId).orderBy('name'),
      db
        .from('integration_mappings')
        .where('account_id', account.id)
        .where('campaign_id', campaign.id)
        .select('kind', 'local_id', 'remote_id'),
    ])
    const questions = steps
      .filter((step) => step.question)
      .map((step) => ({
        id: step.id,
        question: step.question ?? '',
        answers: steps
          .filter((answer) => answer.parentId === step.id && answer.answerOption)
          .map((answer) => ({ id: answer.id, answer: answer.answerOption ?? '' })),
      }))
    return inertia.render('integrations/mapping', {
      account: { id: account.id, name: account.name },
      campaign: { id: campaign.id, name: campaign.name },
      manifest: plugin.manifest,
      questions,
      tags: tags.map((tag) => ({ id: tag.id, name: tag.name })),
      mappings: mappings.map((row) => ({
        kind: row.kind,
        localId: row.local_id,
        remoteId: row.remote_id,
      })),
    })
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('IntegrationAccountPolicy').authorize('manage')
    const { account, campaign } = await this.#find(membership.organizationId, params)
    const data = await request.validateUsing(campaignMappingValidator)
    const steps = await InteractionStep.query().where('campaign_id', campaign.id).select('id')
    const tags = await Tag.forOrganization(membership.organizationId).select('id')
    const stepIds = new Set(steps.map((step) => step.id))
    const tagIds = new Set(tags.map((tag) => tag.id))
    const entries: MappingEntry[] = [
      ...entriesOf('question', data.questions, stepIds),
      ...entriesOf('answer', data.answers, stepIds),
      ...entriesOf('tag', data.tags, tagIds),
    ]
    if (data.wrongNumberTagId && tagIds.has(data.wrongNumberTagId)) {
      entries.push({ kind: 'wrong_number', localId: data.wrongNumberTagId, remoteId: '1' })
    }
    if (data.textedId) entries.push({ kind: 'texted', localId: 0, remoteId: data.textedId })
    await SaveCampaignMapping.handle({ account, campaign, entries })
    session.flash('success', i18n.t('flash.integrations.mappingSaved'))
    return response
      .redirect()
      .toRoute('integrations.mapping', { id: account.id, campaignId: campaign.id })
  }

  async #find(organizationId: number, params: Record<string, unknown>) {
    const account = await IntegrationAccount.findForOrganizationOrFail(organizationId, params.id)
    const campaign = await Campaign.findForOrganizationOrFail(organizationId, params.campaignId)
    return { account, campaign }
  }
}
