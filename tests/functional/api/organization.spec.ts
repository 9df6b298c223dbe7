import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Organization, { DEFAULT_SETTINGS } from '#models/organization'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'

test.group('API | organization', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('any member reads the organization with its settings', async ({ client }) => {
    const membership = await createMember('texter')
    const { organization } = membership

    const response = await client
      .get('/api/v1/organization')
      .bearerToken(await apiTokenFor(membership))

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    response.assertBody({
      id: organization.id,
      slug: organization.slug,
      name: organization.name,
      requiresApproval: false,
      settings: DEFAULT_SETTINGS,
    })
  })

  test('an {$self} renames the organization and changes its settings')
    .with(['owner', 'admin'] as const)
    .run(async ({ client, assert }, role) => {
      const membership = await createMember(role)

      const response = await client
        .patch('/api/v1/organization')
        .bearerToken(await apiTokenFor(membership))
        .json({
          name: 'Riverside Tenants Union',
          requiresApproval: true,
          settings: {
            textingHours: { start: '10:00', end: '19:30' },
            stateRules: false,
            pricePerSegment: 0.01,
            optOutReply: 'Unsubscribed. Sorry to bother you!',
            helpReply: 'Text STOP to stop, or email help@example.org.',
          },
        })

      response.assertStatus(200)
      assertMatchesApiDoc(response)
      const expected = {
        name: 'Riverside Tenants Union',
        requiresApproval: true,
        settings: {
          textingHours: { start: '10:00', end: '19:30' },
          stateRules: false,
          pricePerSegment: 0.01,
          optOutReply: 'Unsubscribed. Sorry to bother you!',
          helpReply: 'Text STOP to stop, or email help@example.org.',
        },
      }
      response.assertBodyContains(expected)
      const stored = await Organization.findOrFail(membership.organizationId)
      assert.containSubset(stored.serialize(), expected)
    })

  test('settings not given keep their values', async ({ client, assert }) => {
    const membership = await createMember('admin')
    const token = await apiTokenFor(membership)

    const first = await client
      .patch('/api/v1/organization')
      .bearerToken(token)
      .json({ settings: { stateRules: false } })
    first.assertStatus(200)
    assertMatchesApiDoc(first)

    const second = await client
      .patch('/api/v1/organization')
      .bearerToken(token)
      .json({ settings: { textingHours: { start: '08:30', end: '21:00' } } })
    second.assertStatus(200)
    assertMatchesApiDoc(second)

    const expected = {
      ...DEFAULT_SETTINGS,
      stateRules: false,
      textingHours: { start: '08:30', end: '21:00' },
    }
    assert.deepEqual(second.body().settings, expected)
    assert.equal(second.body().name, membership.organization.name)
    const stored = await Organization.findOrFail(membership.organizationId)
    assert.deepEqual(stored.settings, expected)
  })

  test('an impossible time answers 422 naming the field', async ({ client, assert }) => {
    const membership = await createMember('owner')

    const response = await client
      .patch('/api/v1/organization')
      .bearerToken(await apiTokenFor(membership))
      .json({ settings: { textingHours: { start: '25:00', end: '20:00' } } })

    response.assertStatus(422)
    assertMatchesApiDoc(response)
    const [error, ...others] = response.body().errors
    assert.lengthOf(others, 0)
    assert.equal(error.field, 'settings.textingHours.start')
    assert.equal(error.rule, 'regex')
    const stored = await Organization.findOrFail(membership.organizationId)
    assert.deepEqual(stored.settings, DEFAULT_SETTINGS)
  })

  test('a {$self} may not change the organization')
    .with(['texter', 'supervisor'] as const)
    .run(async ({ client, assert }, role) => {
      const membership = await createMember(role)

      const response = await client
        .patch('/api/v1/organization')
        .bearerToken(await apiTokenFor(membership))
        .json({ name: 'Taken over' })

      response.assertStatus(403)
      assertMatchesApiDoc(response)
      const stored = await Organization.findOrFail(membership.organizationId)
      assert.equal(stored.name, membership.organization.name)
    })
})
