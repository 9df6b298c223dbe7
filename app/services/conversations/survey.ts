import type InteractionStep from '#models/interaction_step'

/**
 * A conversation's survey as the texter meets it. A question is asked by a
 * root step or by an answer step that carries a further `question`; its
 * answers are that step's children. The conversation shows every root
 * question and, below each chosen answer, the question that answer asks.
 */
export type AskedQuestion = {
  step: InteractionStep
  answers: InteractionStep[]
  /** The answer step chosen so far, if any. */
  chosenId: number | null
}

export class SurveyTree {
  readonly #children = new Map<number | null, InteractionStep[]>()
  readonly #byId = new Map<number, InteractionStep>()

  constructor(steps: InteractionStep[]) {
    for (const step of steps) {
      this.#byId.set(step.id, step)
      const siblings = this.#children.get(step.parentId) ?? []
      siblings.push(step)
      this.#children.set(step.parentId, siblings)
    }
    for (const siblings of this.#children.values()) {
      siblings.sort((a, b) => a.position - b.position || a.id - b.id)
    }
  }

  step(id: number) {
    return this.#byId.get(id)
  }

  /** The questions shown, in order, given the answers chosen (question step id → answer step id). */
  asked(chosen: Map<number, number>): AskedQuestion[] {
    const asked: AskedQuestion[] = []
    const visit = (step: InteractionStep) => {
      const chosenId = chosen.get(step.id) ?? null
      asked.push({ step, answers: this.#children.get(step.id) ?? [], chosenId })
      const answer = chosenId === null ? undefined : this.#byId.get(chosenId)
      if (answer?.question) visit(answer)
    }
    for (const root of this.#children.get(null) ?? []) if (root.question) visit(root)
    return asked
  }

  /**
   * The questions that hang below an answer: the one it asks, and everything
   * below that question's answers. Their answers no longer apply once the
   * answer above changes.
   */
  questionsBelow(answerId: number): number[] {
    const below: number[] = []
    const visit = (id: number) => {
      const step = this.#byId.get(id)
      if (!step?.question) return
      below.push(id)
      for (const child of this.#children.get(id) ?? []) visit(child.id)
    }
    visit(answerId)
    return below
  }
}
