import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Membership from '#models/membership'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'

test.group('API | me', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('answers the user, organization and role the token acts as', async ({ client }) => {
    const membership = await createMember('supervisor')
    const { user, organization } = membership

    const response = await client.get('/api/v1/me').bearerToken(await apiTokenFor(membership))

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    response.assertBody({
      user: { id: user.id, email: user.email, name: user.fullName },
      organization: { id: organization.id, slug: organization.slug, name: organization.name },
      role: 'supervisor',
    })
  })

  test('a token acts in its own organization only', async ({ client, assert }) => {
    const membership = await createMember('texter')
    // The same user owns another organization.
    const elsewhere = await createMember('owner')
    await Membership.create({
      organizationId: elsewhere.organizationId,
      userId: membership.userId,
      role: 'owner',
      status: 'active',
    })

    const response = await client.get('/api/v1/me').bearerToken(await apiTokenFor(membership))

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.equal(response.body().organization.id, membership.organizationId)
    assert.equal(response.body().role, 'texter')
  })
})
