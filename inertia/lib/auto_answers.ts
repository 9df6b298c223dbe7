/** A keyword rule as the "Auto answers" page gets it. */
export type AutoAnswerRule = {
  id: number
  keywords: string[]
  answer: string
  campaignId: number | null
  surveyAnswer: { questionId: number; answerId: number } | null
  tags: string[]
  close: boolean
  enabled: boolean
  fired: number
}

/** A campaign a rule can belong to, with the survey questions it can answer. */
export type AutoAnswerCampaign = {
  id: number
  name: string
  questions: { id: number; question: string; answers: { id: number; answer: string }[] }[]
}
