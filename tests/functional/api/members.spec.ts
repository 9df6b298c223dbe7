import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'

test.group('API | members', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('{$self}s list every membership of the organization with its person')
    .with(['owner', 'admin', 'supervisor'] as const)
    .run(async ({ client, assert }, role) => {
      const reader = await createMember(role)
      const texter = await createMember('texter', { organization: reader.organization })
      const pending = await createMember('texter', {
        organization: reader.organization,
        status: 'pending',
      })
      await createMember('admin')

      const response = await client.get('/api/v1/members').bearerToken(await apiTokenFor(reader))

      response.assertStatus(200)
      assertMatchesApiDoc(response)
      assert.deepEqual(response.body().meta, { total: 3, page: 1, perPage: 50 })
      const { data } = response.body()
      assert.deepEqual(
        data.map((member: { id: number }) => member.id),
        [reader.id, texter.id, pending.id]
      )
      assert.containSubset(data[1], {
        id: texter.id,
        userId: texter.userId,
        name: texter.user.fullName,
        email: texter.user.email,
        role: 'texter',
        status: 'active',
      })
      assert.equal(data[2].status, 'pending')
    })

  test('filters by role and status, and pages', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const organization = owner.organization
    await createMember('texter', { organization })
    const second = await createMember('texter', { organization })
    await createMember('texter', { organization, status: 'suspended' })
    await createMember('supervisor', { organization })
    const token = await apiTokenFor(owner)

    const texters = await client
      .get('/api/v1/members')
      .qs({ role: 'texter', status: 'active', perPage: 1, page: 2 })
      .bearerToken(token)

    texters.assertStatus(200)
    assertMatchesApiDoc(texters)
    assert.deepEqual(texters.body().meta, { total: 2, page: 2, perPage: 1 })
    assert.deepEqual(
      texters.body().data.map((member: { id: number }) => member.id),
      [second.id]
    )

    const invalid = await client.get('/api/v1/members').qs({ role: 'boss' }).bearerToken(token)
    invalid.assertStatus(422)
    assertMatchesApiDoc(invalid)
    assert.equal(invalid.body().errors[0].field, 'role')
  })

  test('a texter may not list the members', async ({ client }) => {
    const texter = await createMember('texter')

    const response = await client.get('/api/v1/members').bearerToken(await apiTokenFor(texter))

    response.assertStatus(403)
    assertMatchesApiDoc(response)
  })
})
