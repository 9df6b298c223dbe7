import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiResponse } from '@japa/api-client'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'

function setCookies(response: ApiResponse) {
  const header = response.headers()['set-cookie'] as string | string[] | undefined
  return [header ?? []].flat().map((cookie) => cookie.split('=')[0])
}

test.group('API | stateless', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a bearer-token request gets no session or CSRF cookie, whatever it answers', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const texter = await createMember('texter', { organization: owner.organization })
    const token = await apiTokenFor(owner)

    const responses = [
      await client.get('/api/v1/me').bearerToken(token),
      await client.get('/api/v1/messages').bearerToken(token),
      await client.get('/api/v1/members').bearerToken(token),
      await client.post('/api/v1/lists').bearerToken(token).json({ name: 'Canvass' }),
      await client.post('/api/v1/invites').bearerToken(token).json({ role: 'texter' }),
      await client.post('/api/v1/invites').bearerToken(token).json({ role: 'owner' }),
      await client.get('/api/v1/messages').bearerToken(await apiTokenFor(texter)),
      await client.get('/api/v1/me'),
    ]

    assert.deepEqual(
      responses.map((response) => response.status()),
      [200, 200, 200, 201, 201, 422, 403, 401]
    )
    for (const response of responses) {
      assertMatchesApiDoc(response)
      assert.deepEqual(setCookies(response), [], response.request.config.endpoint)
      // The shield's headers stay; only its CSRF guard, which needs a session, is left out.
      response.assertHeader('x-content-type-options', 'nosniff')
      response.assertHeader('x-frame-options', 'DENY')
    }
    const unknown = await client.post('/api/v1/nope').bearerToken(token).json({})
    unknown.assertStatus(404)
    assert.deepEqual(setCookies(unknown), [])
  })

  test('a browser holding a session cookie calls the API without it being renewed', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const page = await client.get('/login')
    const cookies = page.cookies()
    assert.includeMembers(setCookies(page), ['porchlight-session', 'XSRF-TOKEN'])

    const response = await client
      .get('/api/v1/me')
      .bearerToken(await apiTokenFor(owner))
      .header(
        'cookie',
        Object.values(cookies)
          .map((cookie: { name: string; value: string }) => `${cookie.name}=${cookie.value}`)
          .join('; ')
      )

    response.assertStatus(200)
    assert.deepEqual(setCookies(response), [])
  })

  test('pages still start a session and set the CSRF cookie', async ({ client, assert }) => {
    const page = await client.get('/login')

    page.assertStatus(200)
    assert.includeMembers(setCookies(page), ['porchlight-session', 'XSRF-TOKEN'])
  })
})
