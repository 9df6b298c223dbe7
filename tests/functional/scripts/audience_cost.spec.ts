import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#models/contact'
import { createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { estimateAudienceCost } from '#services/scripts/cost'

test.group('Scripts | audience cost', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('renders every contact of a small audience, only its own', async ({ assert }) => {
    const owner = await createMember('owner')
    const other = await createMember('owner')
    const orgId = owner.organizationId
    await createContact(orgId, { firstName: 'Al' })
    await createContact(orgId, { firstName: 'Bo', customFields: { Note: 'x'.repeat(20) } })
    await createContact(other.organizationId, { firstName: 'Bartholomew' })

    const result = await estimateAudienceCost(Contact.forOrganization(orgId), {
      variants: [{ body: `${'y'.repeat(140)} {firstName} {Note}` }],
      pricePerSegment: 0.01,
      organization: owner.organization,
    })

    assert.equal(result.contacts, 2)
    assert.equal(result.segments, 3) // 144 characters, then 164
    assert.equal(result.cost, 0.03)
    assert.isTrue(result.exact)
  })
})
