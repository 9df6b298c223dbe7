import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertApiError, assertMatchesApiDoc } from '#tests/helpers/openapi'

test.group('API | authentication and errors', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('no token answers 401', async ({ client }) => {
    const response = await client.get('/api/v1/me')

    response.assertStatus(401)
    assertMatchesApiDoc(response)
  })

  test('a token that does not exist answers 401', async ({ client }) => {
    const membership = await createMember('owner')
    const token = await apiTokenFor(membership)
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA')

    const response = await client.get('/api/v1/me').bearerToken(forged)

    response.assertStatus(401)
    assertMatchesApiDoc(response)
    response.assertBody({ errors: [{ message: 'Missing or invalid API token' }] })
  })

  test('a token of a {$self} membership answers 401')
    .with(['suspended', 'pending'] as const)
    .run(async ({ client }, status) => {
      const membership = await createMember('admin', { status })

      const response = await client.get('/api/v1/me').bearerToken(await apiTokenFor(membership))

      response.assertStatus(401)
      assertMatchesApiDoc(response)
    })

  test('a token stops working once its membership is suspended', async ({ client }) => {
    const membership = await createMember('admin')
    const token = await apiTokenFor(membership)
    const before = await client.get('/api/v1/me').bearerToken(token)
    before.assertStatus(200)

    await membership.merge({ status: 'suspended' }).save()
    const response = await client.get('/api/v1/me').bearerToken(token)

    response.assertStatus(401)
    assertMatchesApiDoc(response)
  })

  test('an unknown API path answers 404 in the error shape', async ({ client }) => {
    const membership = await createMember('owner')
    const token = await apiTokenFor(membership)

    for (const response of [
      await client.get('/api/v1/nope').bearerToken(token),
      await client.post('/api/v1/nope').bearerToken(token).json({}),
      await client.get('/api/v1/nope'),
      await client.put('/api/v1/organization').bearerToken(token).json({}),
    ]) {
      assertApiError(response, 404)
      response.assertHeader('content-type', 'application/json; charset=utf-8')
    }
  })

  test('a body that is not JSON answers 400 in the error shape, not a page', async ({
    client,
    assert,
  }) => {
    const membership = await createMember('owner')

    const response = await client
      .post('/api/v1/invites')
      .bearerToken(await apiTokenFor(membership))
      .header('accept', 'text/html')
      .json('{"role": "texter",')
    response.assertStatus(400)
    assertMatchesApiDoc(response)
    response.assertBody({ errors: [{ message: 'The request body is not valid JSON' }] })
    assert.notInclude(response.text(), '<html')
  })
})
