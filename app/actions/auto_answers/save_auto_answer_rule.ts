import { type WordedIssue, wordedIssue } from '#exceptions/worded_issues'
import type { Infer } from '@vinejs/vine/types'
import { errors } from '@vinejs/vine'
import AutoAnswerRule from '#models/auto_answer_rule'
import Campaign from '#models/campaign'
import InteractionStep from '#models/interaction_step'
import Tag from '#models/tag'
import type Membership from '#models/membership'
import type { autoAnswerValidator } from '#validators/auto_answer'
import { keywordOf } from '#services/auto_answers/keywords'
import { detectIntent } from '#services/webhooks/opt_out_keywords'

type Data = Infer<typeof autoAnswerValidator>
type Params = { actor: Membership; data: Data; id?: number }
type Issue = WordedIssue

/**
 * Adds a keyword rule, or changes one of the actor's organization (another
 * organization's is not found). Refuses what could never work: a keyword
 * that is only punctuation or that reads as STOP, HELP or START, or as a
 * request to stop (those always win, so the rule could never fire), a campaign, survey answer or tag that is not the
 * organization's, and a survey answer without its campaign.
 */
export default class SaveAutoAnswerRule {
  static async handle({ actor, data, id }: Params) {
    const organizationId = actor.organizationId
    const rule =
      id === undefined
        ? new AutoAnswerRule()
        : await AutoAnswerRule.forOrganization(organizationId).where('id', id).firstOrFail()
    const issues = [
      ...keywordIssues(data.keywords),
      ...(await referenceIssues(organizationId, data)),
    ]
    if (issues.length) throw new errors.E_VALIDATION_ERROR(issues)

    return rule
      .merge({
        organizationId,
        keywords: [...new Set(data.keywords)],
        answer: data.answer,
        campaignId: data.campaignId ?? null,
        questionStepId: data.surveyAnswer?.questionId ?? null,
        answerStepId: data.surveyAnswer?.answerId ?? null,
        tags: [...new Set(data.tags ?? [])],
        close: data.close ?? false,
        enabled: data.enabled ?? true,
        fired: rule.fired ?? 0,
      })
      .save()
  }
}

function keywordIssues(keywords: string[]): Issue[] {
  const issues: Issue[] = []
  keywords.forEach((keyword, index) => {
    const field = `keywords.${index}`
    if (!keywordOf(keyword)) {
      issues.push(wordedIssue(field, 'keyword', 'refusals.fields.keywordNeedsLetter'))
    } else if (detectIntent(keyword)) {
      issues.push(wordedIssue(field, 'keyword', 'refusals.fields.reservedKeyword', { keyword }))
    }
  })
  return issues
}

async function referenceIssues(organizationId: number, data: Data): Promise<Issue[]> {
  const issues: Issue[] = []
  const campaign = data.campaignId
    ? await Campaign.findForOrganization(organizationId, data.campaignId)
    : null
  if (data.campaignId && !campaign) {
    issues.push(wordedIssue('campaignId', 'exists', 'refusals.fields.noSuchCampaign'))
  }
  if (data.surveyAnswer) {
    const { questionId, answerId } = data.surveyAnswer
    const steps = campaign
      ? await InteractionStep.query()
          .where('campaign_id', campaign.id)
          .whereIn('id', [questionId, answerId])
      : []
    const question = steps.find((step) => step.id === questionId && step.question)
    const answer = steps.find((step) => step.id === answerId && step.parentId === questionId)
    if (!campaign) {
      issues.push(wordedIssue('surveyAnswer', 'campaign', 'refusals.fields.answerNeedsCampaign'))
    } else if (!question) {
      issues.push(
        wordedIssue('surveyAnswer.questionId', 'exists', 'refusals.fields.noSuchQuestion')
      )
    } else if (!answer) {
      issues.push(wordedIssue('surveyAnswer.answerId', 'exists', 'refusals.fields.chooseAnswer'))
    }
  }
  const tags = data.tags ?? []
  if (tags.length) {
    const known = await Tag.forOrganization(organizationId).whereIn('name', tags).select('name')
    const names = new Set(known.map((tag) => tag.name))
    tags.forEach((name, index) => {
      if (!names.has(name)) {
        issues.push(wordedIssue(`tags.${index}`, 'exists', 'refusals.fields.noTagNamed', { name }))
      }
    })
  }
  return issues
}
