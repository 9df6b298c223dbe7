import { errors } from '@vinejs/vine'
import ContactList from '#models/contact_list'
import Tag from '#models/tag'
import Campaign from '#models/campaign'
import InteractionStep from '#models/interaction_step'
import type { Phrase } from '#exceptions/refusal_wording'
import {
  type Scalar,
  type SegmentGroup,
  type SegmentIssue,
  type SegmentNode,
  type SegmentCondition,
  type HistoryKind,
  checkDefinition,
  childrenOf,
  fieldKind,
  isGroup,
} from '#services/segments/definition'

type Reference = { kind: 'list' | 'tag'; value: Scalar; path: string }
type History = { kind: HistoryKind; condition: SegmentCondition; path: string }

/**
 * Checks an untrusted definition for one organization: its shape, fields,
 * operators and values, then that every list and tag it names exists there.
 * Throws a validation error (422 on the API, field errors on pages) listing
 * every problem; returns the definition, now typed, when there is none.
 */
export async function validateDefinition(
  organizationId: number,
  input: unknown,
  path = 'definition'
): Promise<SegmentGroup> {
  const issues = checkDefinition(input, path)
  if (!issues.length) {
    issues.push(...(await unknownReferences(organizationId, input as SegmentGroup, path)))
    issues.push(...(await unknownHistory(organizationId, input as SegmentGroup, path)))
  }
  if (issues.length) throw new errors.E_VALIDATION_ERROR(issues)
  return input as SegmentGroup
}

async function unknownReferences(organizationId: number, definition: SegmentGroup, path: string) {
  const references: Reference[] = []
  collectReferences(definition, path, references)
  const issues: SegmentIssue[] = []
  for (const kind of ['list', 'tag'] as const) {
    const wanted = references.filter((reference) => reference.kind === kind)
    if (!wanted.length) continue
    const known = await (kind === 'list' ? ContactList : Tag)
      .forOrganization(organizationId)
      .where((query) => {
        query.whereIn('id', numbers(wanted)).orWhereIn(
          'name',
          wanted.map((reference) => String(reference.value))
        )
      })
      .select('id', 'name')
    for (const reference of wanted) {
      // Names compare as the database does on MySQL (case-insensitively).
      const found = known.some((row) =>
        typeof reference.value === 'number'
          ? row.id === reference.value
          : row.name.toLowerCase() === String(reference.value).toLowerCase()
      )
      if (!found) {
        issues.push({
          field: reference.path,
          rule: 'exists',
          message: `There is no ${kind} ${JSON.stringify(reference.value)} in this organization`,
          phrase: {
            key: 'segments.problems.noSuchReference',
            values: { kind, value: JSON.stringify(reference.value) },
          },
        })
      }
    }
  }
  return issues
}

/** Calls `visit` with every condition of the definition and its path. */
function eachCondition(
  node: SegmentNode,
  path: string,
  visit: (condition: SegmentCondition, path: string) => void
) {
  if (!isGroup(node)) return visit(node, path)
  const key = 'all' in node ? 'all' : 'any'
  childrenOf(node).forEach((child, index) => eachCondition(child, `${path}.${key}.${index}`, visit))
}

function collectReferences(definition: SegmentGroup, path: string, into: Reference[]) {
  eachCondition(definition, path, (node, at) => {
    const field = fieldKind(node.field)
    const kind = field?.kind === 'history' && field.attribute === 'tag' ? 'tag' : node.field
    if ((kind !== 'list' && kind !== 'tag') || node.op === 'exists') return
    if (Array.isArray(node.value)) {
      node.value.forEach((value, index) => into.push({ kind, value, path: `${at}.value.${index}` }))
    } else {
      into.push({ kind, value: node.value as Scalar, path: `${at}.value` })
    }
  })
}

function numbers(references: Reference[]) {
  return references
    .map((reference) => reference.value)
    .filter((value): value is number => typeof value === 'number')
}

/**
 * Campaigns, questions and answers a history condition names must be the
 * organization's, the question one of that campaign's survey, and each
 * answer one of that question's: anything else is reported, never read.
 */
async function unknownHistory(organizationId: number, definition: SegmentGroup, path: string) {
  const conditions: History[] = []
  eachCondition(definition, path, (condition, at) => {
    const kind = fieldKind(condition.field)
    if (kind?.kind === 'history') conditions.push({ kind, condition, path: at })
  })
  if (!conditions.length) return []
  const campaignIds = unique(conditions.map(({ kind }) => kind.campaignId))
  const questionIds = unique(conditions.map(({ kind }) => kind.questionId))
  const [campaigns, steps] = await Promise.all([
    campaignIds.length
      ? Campaign.forOrganization(organizationId).whereIn('id', campaignIds).select('id')
      : [],
    questionIds.length
      ? InteractionStep.forOrganization(organizationId)
          .where((query) => query.whereIn('id', questionIds).orWhereIn('parent_id', questionIds))
          .select('id', 'campaign_id', 'parent_id', 'question')
      : [],
  ])
  const issues: SegmentIssue[] = []
  const issue = (field: string, message: string, phrase: Phrase) =>
    issues.push({ field, rule: 'exists', message, phrase })
  for (const { kind, condition, path: at } of conditions) {
    if (kind.campaignId !== null && !campaigns.some((row) => row.id === kind.campaignId)) {
      issue(`${at}.field`, `There is no campaign ${kind.campaignId} in this organization`, {
        key: 'segments.problems.noSuchCampaign',
        values: { id: kind.campaignId },
      })
      continue
    }
    if (kind.questionId === null) continue
    const question = steps.find((step) => step.id === kind.questionId && step.question)
    if (!question || (kind.campaignId !== null && question.campaignId !== kind.campaignId)) {
      issue(`${at}.field`, `There is no survey question ${kind.questionId} in this campaign`, {
        key: 'segments.problems.noSuchQuestion',
        values: { id: kind.questionId },
      })
      continue
    }
    if (condition.op === 'exists') continue
    const values = Array.isArray(condition.value) ? condition.value : [condition.value]
    values.forEach((value, index) => {
      if (steps.some((step) => step.id === value && step.parentId === kind.questionId)) return
      const valuePath = Array.isArray(condition.value) ? `${at}.value.${index}` : `${at}.value`
      issue(valuePath, `There is no answer ${JSON.stringify(value)} to this question`, {
        key: 'segments.problems.noSuchAnswer',
        values: { value: JSON.stringify(value) },
      })
    })
  }
  return issues
}

function unique(ids: (number | null)[]) {
  return [...new Set(ids.filter((id): id is number => id !== null))]
}
