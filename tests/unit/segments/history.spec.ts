import { test } from '@japa/runner'
import { compileSegment } from '#services/segments/compiler'
import type { SegmentGroup } from '#services/segments/definition'

const where = (field: string, op: string, value: unknown) => ({ field, op, value })
const subqueries = (definition: unknown) => {
  const { sql, bindings } = compileSegment(definition as SegmentGroup, {
    dialect: 'sqlite',
    organizationId: 1,
  })
  return { reads: sql.split('FROM campaign_contacts').length - 1, sql, bindings }
}

test.group('Segment compiler | campaign history subqueries', () => {
  test('siblings on one campaign share one subquery where that selects the same people', ({
    assert,
  }) => {
    const yes = where('campaign.7.survey.70', 'eq', 71)
    const quiet = where('campaign.7.replied_within_days', 'neq', 7)
    assert.equal(subqueries({ all: [yes, quiet] }).reads, 1)
    assert.equal(subqueries({ any: [yes, where('campaign.7.status', 'eq', 'closed')] }).reads, 1)
    assert.equal(
      subqueries({
        any: [where('campaigns.any.status', 'eq', 'closed'), where('campaigns.any.tag', 'eq', 3)],
      }).reads,
      1
    )
    // Two campaigns, only negatives, or "any campaign" in an `all` group: one row each.
    assert.equal(subqueries({ all: [yes, where('campaign.8.status', 'eq', 'closed')] }).reads, 2)
    assert.equal(subqueries({ all: [quiet, where('campaign.7.status', 'neq', 'closed')] }).reads, 2)
    assert.equal(
      subqueries({
        all: [where('campaigns.any.status', 'eq', 'replied'), where('campaigns.any.tag', 'eq', 3)],
      }).reads,
      2
    )
  })

  test('values and the organization are parameters, never SQL text', ({ assert }) => {
    const { sql, bindings } = subqueries({
      all: [
        where('campaign.7.status', 'in', ['replied', 'closed']),
        where('campaign.7.delivery', 'eq', 'failed.landline'),
        where('campaign.7.tag', 'eq', "x' OR 1=1 --"),
      ],
    })
    assert.notInclude(sql, 'landline')
    assert.notInclude(sql, 'OR 1=1')
    assert.includeMembers(bindings, [1, 7, 'closed', 'failed', 'landline', "x' OR 1=1 --"])
  })
})
