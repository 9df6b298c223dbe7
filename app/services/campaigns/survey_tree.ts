import type InteractionStep from '#models/interaction_step'

/**
 * The survey tree as the API and the builder write it: a question with its
 * answers; each answer has the follow-up script the texter sends and may
 * lead to a further question.
 */
export type SurveyStep = { question: string; answers: SurveyAnswer[] }
export type SurveyAnswer = { answer: string; script: string | null; next: SurveyStep | null }

/** A row to insert: `parent` is the index of its parent row in the same list. */
export type StepRow = {
  parent: number | null
  answerOption: string | null
  script: string | null
  question: string | null
  position: number
}

/**
 * Flattens the tree into rows, parents before children (one row per root
 * question and one per answer; an answer row carries its follow-up question).
 */
export function flattenSurvey(steps: SurveyStep[]): StepRow[] {
  const rows: StepRow[] = []
  const addAnswers = (parent: number, answers: SurveyAnswer[]) => {
    answers.forEach((answer, position) => {
      rows.push({
        parent,
        answerOption: answer.answer,
        script: answer.script,
        question: answer.next?.question ?? null,
        position,
      })
      if (answer.next) addAnswers(rows.length - 1, answer.next.answers)
    })
  }
  steps.forEach((step, position) => {
    rows.push({ parent: null, answerOption: null, script: null, question: step.question, position })
    addAnswers(rows.length - 1, step.answers)
  })
  return rows
}

/** Rebuilds the tree from stored rows. */
export function surveyOf(rows: InteractionStep[]): SurveyStep[] {
  const childrenOf = (id: number | null) =>
    rows.filter((row) => row.parentId === id).sort((a, b) => a.position - b.position || a.id - b.id)
  const answersOf = (id: number): SurveyAnswer[] =>
    childrenOf(id).map((row) => {
      const answers = answersOf(row.id)
      const next = row.question ? { question: row.question, answers } : null
      return { answer: row.answerOption ?? '', script: row.script, next }
    })
  return childrenOf(null).map((root) => ({
    question: root.question ?? '',
    answers: answersOf(root.id),
  }))
}
