import type Campaign from '#models/campaign'
import { surveyOf } from '#services/campaigns/survey_tree'

/** `mediaIds` when the text carries pictures; absent for a plain text, as before pictures existed. */
export function withPictures(mediaIds: number[] | undefined) {
  return mediaIds?.length ? { mediaIds } : {}
}

/** The script in the shape it is written: variants, survey tree, canned responses, follow-ups. */
export async function scriptOf(campaign: Campaign) {
  await campaign.load((loader) => {
    loader.load('variants').load('steps').load('cannedResponses').load('followUpSteps')
  })
  return {
    initial: campaign.variants.map(({ body, weight, mediaIds }) => ({
      body,
      weight,
      ...withPictures(mediaIds),
    })),
    steps: surveyOf(campaign.steps),
    cannedResponses: campaign.cannedResponses.map(({ title, body, tags, mediaIds }) => ({
      title,
      body,
      tags,
      ...withPictures(mediaIds),
    })),
    followUps: campaign.followUpSteps.map(({ id, afterHours, when, variants }) => ({
      id,
      afterHours,
      when,
      variants: variants.map(({ body, weight, mediaIds }) => ({
        body,
        weight,
        ...withPictures(mediaIds),
      })),
    })),
  }
}

export type CampaignScript = Awaited<ReturnType<typeof scriptOf>>
