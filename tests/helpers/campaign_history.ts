import { DateTime } from 'luxon'
import Campaign from '#models/campaign'
import CampaignContact from '#models/campaign_contact'
import InteractionStep from '#models/interaction_step'
import SurveyResponse from '#models/survey_response'
import type Organization from '#models/organization'
import type Tag from '#models/tag'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { audienceOf } from '#services/campaigns/audience'
import { createContact, createTag } from '#tests/helpers/contacts'

const daysAgo = (days: number) => DateTime.now().minus({ days })

/** A campaign whose survey asks one question with the answers Yes and No. */
export async function campaignWithSurvey(organizationId: number, name: string) {
  const campaign = await Campaign.create({
    organizationId,
    name,
    status: 'active',
    audience: audienceOf({}),
  })
  const step = (attributes: Partial<InteractionStep>) =>
    InteractionStep.create({ organizationId, campaignId: campaign.id, position: 0, ...attributes })
  const question = await step({ question: 'Will you vote?' })
  const yes = await step({ parentId: question.id, answerOption: 'Yes', script: 'Great!' })
  const no = await step({
    parentId: question.id,
    answerOption: 'No',
    script: 'Thanks',
    position: 1,
  })
  return { campaign, question, yes, no }
}

type Survey = Awaited<ReturnType<typeof campaignWithSurvey>>

/** A contact's conversation in a campaign, and its answer to the survey question if given. */
export async function converse(
  survey: Survey,
  contactId: number,
  attributes: Partial<CampaignContact> = {},
  answer?: InteractionStep
) {
  const { campaign, question } = survey
  const conversation = await CampaignContact.create({
    organizationId: campaign.organizationId,
    campaignId: campaign.id,
    contactId,
    status: 'needs_message',
    ...attributes,
  })
  if (answer) {
    await SurveyResponse.create({
      organizationId: campaign.organizationId,
      campaignId: campaign.id,
      campaignContactId: conversation.id,
      questionStepId: question.id,
      answerStepId: answer.id,
      value: answer.answerOption!,
    })
  }
  return conversation
}

export type HistoryWorld = Awaited<ReturnType<typeof buildHistoryWorld>>

/**
 * Two campaigns of one organization (a new one unless given) and their people, named by what
 * happened to them:
 * - Spring: Ann was texted 5 days ago, said Yes and replied 2 days ago; Bob said
 *   No, texted 45 and replied 40 days ago; Cara was texted 3 days ago, never wrote back
 *   (delivered); Dan's text failed (landline), 20 days ago; Eve opted out
 *   (texted 4 days ago, wrote STOP 1 day ago); Fay was never texted; Gus's
 *   conversation is closed (texted 50 days ago, replied 49 days ago, said Yes).
 * - Fall: Bob said Yes (texted 1 day ago, no reply); Hal's text failed
 *   (carrier_filtered); Ann waits for her text.
 * - Ivy is in no campaign. Ann, Hal and Ivy have the tag volunteer. Another organization has a campaign with a Yes
 *   too, and a contact who answered it.
 */
export async function buildHistoryWorld(organization?: Organization) {
  const org = organization ?? (await OrganizationFactory.create())
  const volunteer = await createTag(org.id, 'volunteer')
  const spring = await campaignWithSurvey(org.id, 'Spring')
  const fall = await campaignWithSurvey(org.id, 'Fall')
  const person = (firstName: string, tags: Tag[] = []) => createContact(org.id, { firstName, tags })
  const [ann, bob, cara, dan, eve, fay, gus, hal] = [
    await person('Ann', [volunteer]),
    await person('Bob'),
    await person('Cara'),
    await person('Dan'),
    await person('Eve'),
    await person('Fay'),
    await person('Gus'),
    await person('Hal', [volunteer]),
  ]
  await person('Ivy', [volunteer])

  const texted = (days: number, delivery: 'delivered' | 'failed' = 'delivered') => ({
    status: 'messaged' as const,
    messagedAt: daysAgo(days),
    lastOutboundAt: daysAgo(days),
    delivery,
  })
  const replied = (textedDays: number, repliedDays: number) => ({
    ...texted(textedDays),
    status: 'needs_response' as const,
    repliedAt: daysAgo(repliedDays),
    lastInboundAt: daysAgo(repliedDays),
  })
  await converse(spring, ann.id, replied(5, 2), spring.yes)
  await converse(spring, bob.id, replied(45, 40), spring.no)
  await converse(spring, cara.id, texted(3))
  await converse(spring, dan.id, {
    ...texted(20, 'failed'),
    status: 'failed',
    failureReason: 'landline',
  })
  await converse(spring, eve.id, { ...replied(4, 1), status: 'opted_out' })
  await converse(spring, fay.id)
  await converse(spring, gus.id, { ...replied(50, 49), status: 'closed' }, spring.yes)
  await converse(fall, bob.id, texted(1), fall.yes)
  await converse(fall, hal.id, {
    ...texted(6, 'failed'),
    status: 'failed',
    failureReason: 'carrier_filtered',
  })
  await converse(fall, ann.id)

  const other = await OrganizationFactory.create()
  const elsewhere = await campaignWithSurvey(other.id, 'Elsewhere')
  const stranger = await createContact(other.id, { firstName: 'Stranger' })
  await converse(elsewhere, stranger.id, replied(2, 1), elsewhere.yes)

  return { org, volunteer, spring, fall, elsewhere, stranger }
}
