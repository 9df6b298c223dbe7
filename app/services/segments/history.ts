import { clock } from '#services/clock'
import { type Fragment, join, list, raw, sql } from '#services/db/sql'
import { sqlTime } from '#services/db/sql_time'
import {
  type HistoryKind,
  type HistoryStatus,
  type Scalar,
  type SegmentCondition,
  type SegmentNode,
  fieldKind,
  isGroup,
} from '#services/segments/definition'
import { referencedIds } from '#services/segments/references'

const DAY_MS = 24 * 60 * 60 * 1000

/** Negative operators select the exact complement of their positive twin. */
export function isNegated({ op, value }: SegmentCondition) {
  return op === 'neq' || op === 'notIn' || (op === 'exists' && value === false)
}

/**
 * A campaign history condition: the contact has a campaign_contacts row — in
 * the named campaign, or in any campaign of the organization — that passes
 * the condition's row test. Always scoped to the organization, so another
 * organization's campaign id matches nobody.
 */
export function historyCondition(
  kind: HistoryKind,
  condition: SegmentCondition,
  organizationId: number
) {
  const positive = inCampaign(
    kind.campaignId,
    rowTest(kind, condition, organizationId),
    organizationId
  )
  return isNegated(condition) ? sql`NOT (${positive})` : positive
}

function inCampaign(campaignId: number | null, test: Fragment, organizationId: number) {
  const campaign = campaignId === null ? raw('') : sql` AND cc.campaign_id = ${campaignId}`
  return sql`contacts.id IN (SELECT cc.contact_id FROM campaign_contacts cc WHERE cc.organization_id = ${organizationId}${campaign} AND ${test})`
}

/**
 * Reads sibling history conditions through one subquery where that selects
 * the same contacts: in an `all` group, the conditions on one campaign with
 * at least one positive among them (a contact has one row per campaign, so
 * "in it with A, and not in it with B" is "in it with A and not B"); in an
 * `any` group, the positive conditions on one campaign, or on any campaign.
 * Returns the folded conditions and the children left to compile one by one.
 */
export function foldHistory(children: SegmentNode[], isAll: boolean, organizationId: number) {
  const buckets = new Map<string, { campaignId: number | null; conditions: SegmentCondition[] }>()
  const rest: SegmentNode[] = []
  for (const child of children) {
    const kind = isGroup(child) ? null : fieldKind(child.field)
    const foldable =
      kind?.kind === 'history' &&
      (isAll ? kind.campaignId !== null : !isNegated(child as SegmentCondition))
    if (!foldable) {
      rest.push(child)
      continue
    }
    const key = String(kind.campaignId ?? 'any')
    const bucket = buckets.get(key) ?? { campaignId: kind.campaignId, conditions: [] }
    bucket.conditions.push(child as SegmentCondition)
    buckets.set(key, bucket)
  }

  const folded: Fragment[] = []
  for (const { campaignId, conditions } of buckets.values()) {
    const hasPositive = conditions.some((condition) => !isNegated(condition))
    if (conditions.length < 2 || !hasPositive) {
      rest.push(...conditions)
      continue
    }
    const tests = conditions.map((condition) => {
      const test = rowTest(fieldKind(condition.field) as HistoryKind, condition, organizationId)
      return isNegated(condition) ? sql`NOT (${test})` : test
    })
    folded.push(
      inCampaign(campaignId, sql`(${join(tests, isAll ? ' AND ' : ' OR ')})`, organizationId)
    )
  }
  return { folded, rest }
}

/**
 * The positive test of a condition on one campaign_contacts row `cc`. It is
 * never NULL (nullable columns are read through IS NULL / COALESCE), so
 * `NOT (test)` is its exact complement.
 */
function rowTest(kind: HistoryKind, { op, value }: SegmentCondition, organizationId: number) {
  const values = (Array.isArray(value) ? value : [value]) as Scalar[]
  const anyOf = (tests: Fragment[]) => sql`(${join(tests, ' OR ')})`
  switch (kind.attribute) {
    case 'status':
      return anyOf(values.map((status) => statusTest(status as HistoryStatus)))
    case 'delivery':
      return anyOf(values.map((delivery) => deliveryTest(String(delivery))))
    case 'survey': {
      const answers = op === 'exists' ? raw('') : sql` AND sr.answer_step_id IN (${list(values)})`
      return sql`cc.id IN (SELECT sr.campaign_contact_id FROM survey_responses sr WHERE sr.organization_id = ${organizationId} AND sr.campaign_id ${campaignOf(kind)} AND sr.question_step_id = ${kind.questionId}${answers})`
    }
    case 'tag': {
      const tags = referencedIds('tags', op === 'exists' ? null : values, organizationId)
      return sql`cc.contact_id IN (SELECT ct.contact_id FROM contact_tags ct WHERE ct.tag_id IN (${tags}))`
    }
    case 'texted_within_days':
      return since('cc.last_outbound_at', Number(values[0]))
    case 'replied_within_days':
      return since('cc.last_inbound_at', Number(values[0]))
    case 'clicked':
      // The first click on any of the campaign's tracked links in texts to this person.
      // `exists false` is negated as a whole; `eq false` means in the campaign, never clicked.
      return op !== 'exists' && value === false
        ? raw('cc.first_clicked_at IS NULL')
        : raw('cc.first_clicked_at IS NOT NULL')
  }
}

/** The campaign of a survey condition: named, or the one whose survey asks the question. */
function campaignOf({ campaignId, questionId }: HistoryKind) {
  return campaignId === null
    ? sql`IN (SELECT s.campaign_id FROM interaction_steps s WHERE s.id = ${questionId})`
    : sql`= ${campaignId}`
}

function statusTest(status: HistoryStatus) {
  switch (status) {
    case 'messaged':
      return raw('cc.messaged_at IS NOT NULL')
    case 'replied':
      return raw('cc.replied_at IS NOT NULL')
    case 'not_replied':
      return raw('(cc.messaged_at IS NOT NULL AND cc.replied_at IS NULL)')
    default:
      return sql`cc.status = ${status}`
  }
}

/** `delivered`, `failed`, or `failed.<reason>` (the first text's fate). */
function deliveryTest(delivery: string) {
  const [fate, reason] = delivery.split('.')
  const test = sql`COALESCE(cc.delivery, '') = ${fate}`
  return reason ? sql`(${test} AND COALESCE(cc.failure_reason, '') = ${reason})` : test
}

/** Within the last `days` days of the application's clock; the cutoff is a parameter. */
function since(column: string, days: number) {
  const cutoff = sqlTime(new Date(clock.now().getTime() - days * DAY_MS))
  return sql`(${raw(column)} IS NOT NULL AND ${raw(column)} >= ${cutoff})`
}
