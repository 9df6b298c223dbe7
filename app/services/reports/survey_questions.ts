import db from '@adonisjs/lucid/services/db'

export type SurveyQuestion = {
  id: number
  question: string
  answers: { id: number; answer: string }[]
}

/**
 * A campaign's survey questions in the order the script reads (each question,
 * then the questions its answers lead to), each with its answers. A question
 * lives on a root step or on the answer step that asks it next.
 */
export async function surveyQuestions(campaignId: number): Promise<SurveyQuestion[]> {
  const steps = await db
    .from('interaction_steps')
    .where('campaign_id', campaignId)
    .orderBy('position')
    .orderBy('id')
    .select('id', 'parent_id', 'question', 'answer_option')
  const childrenOf = (parentId: number | null) =>
    steps.filter((step) => (step.parent_id ?? null) === parentId)

  const questions: SurveyQuestion[] = []
  const walk = (step: (typeof steps)[number]) => {
    const answers = childrenOf(step.id)
    if (step.question) {
      questions.push({
        id: step.id,
        question: step.question,
        answers: answers.map((answer) => ({ id: answer.id, answer: answer.answer_option })),
      })
    }
    answers.forEach(walk)
  }
  childrenOf(null).forEach(walk)
  return questions
}
