import type Campaign from '#models/campaign'
import { surveyOf } from '#services/campaigns/survey_tree'

/** The script in the shape it is written: variants, survey tree, canned responses, follow-ups. */
export async function scriptOf(campaign: Campaign) {
  await campaign.load((loader) => {
    loader.load('variants').load('steps').load('cannedResponses').load('followUpSteps')
  })
  return {
    initial: campaign.variants.map(({ body, weight }) => ({ body, weight })),
    steps: surveyOf(campaign.steps),
    cannedResponses: campaign.cannedResponses.map(({ title, body, tags }) => ({
      title,
      body,
      tags,
    })),
    followUps: campaign.followUpSteps.map(({ id, afterHours, when, variants }) => ({
      id,
      afterHours,
      when,
      variants,
    })),
  }
}

export type CampaignScript = Awaited<ReturnType<typeof scriptOf>>
