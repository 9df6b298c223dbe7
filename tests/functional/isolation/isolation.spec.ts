import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import type Membership from '#models/membership'
import { CURRENT_ORGANIZATION_KEY } from '#middleware/organization_middleware'
import { asUser } from '#tests/helpers/web'
import { exemptRoutes, routeFixtures } from './route_fixtures.js'
import { snapshotOrganization } from './snapshot.js'
import { buildOrgA, buildOrgB, type OrgA } from './world.js'

/*
| Organization B's owner calls every registered route. Routes with params get
| organization A's values (from route_fixtures.ts) and must answer 403 or
| 404; every answer must be free of A's data; and A's rows must be exactly as
| they were. Routes added later are picked up from the router, so a new route
| with params fails here until it has a fixture.
*/

type RouteInfo = { name?: string; pattern: string; methods: string[]; params: string[] }

function registeredRoutes(): RouteInfo[] {
  return Object.values(router.toJSON())
    .flat()
    .map((route) => ({
      name: route.name,
      pattern: route.pattern,
      methods: route.methods.filter((method) => !['HEAD', 'OPTIONS'].includes(method)),
      params: route.tokens.filter((token) => token.type !== 0).map((token) => token.val),
    }))
}

function describe(route: RouteInfo, method = route.methods.join('|')) {
  return `${method} ${route.pattern} (${route.name ?? 'unnamed'})`
}

function urlFor(route: RouteInfo, params: Record<string, string | number>) {
  return route.pattern.replace(/:(\w+)\??|\*/g, (_token, name: string | undefined) =>
    encodeURIComponent(String(params[name ?? '*'] ?? `missing-param-${name}`))
  )
}

const isApi = (route: RouteInfo) => route.pattern.startsWith('/api/')

type Caller = { membership: Membership; token: string; sessionOrganizationId: number }

/**
 * A request the way its caller's client would make it: the API with the
 * bearer token, web pages with the signed-in session and a CSRF token.
 */
function call(
  client: ApiClient,
  route: RouteInfo,
  method: string,
  url: string,
  caller: Caller,
  body?: object
) {
  const request = client.request(url, method).redirects(0)
  if (isApi(route)) {
    request.bearerToken(caller.token)
    return method === 'GET' ? request : request.json(body ?? {})
  }
  asUser(request, caller.membership.user, {
    [CURRENT_ORGANIZATION_KEY]: caller.sessionOrganizationId,
  })
  return method === 'GET' ? request : request.form(body ?? {})
}

/** Which of A's markers and secrets a response shows, if any. */
function leaks(response: ApiResponse, a: OrgA) {
  const seen = `${response.header('location') ?? ''}\n${response.text()}`
  return [a.marker, ...a.secrets].filter((secret) => seen.includes(secret))
}

/** Each route to call with the params and body its fixture gives for A. */
async function plan(a: OrgA) {
  const calls = []
  for (const route of registeredRoutes()) {
    if (route.name && route.name in exemptRoutes) continue
    const fixture = route.name ? routeFixtures[route.name] : undefined
    if (route.params.length && !fixture) continue
    const params = fixture ? await fixture.params(a) : {}
    for (const method of route.methods) {
      const body = typeof fixture?.body === 'function' ? fixture.body(params) : fixture?.body
      calls.push({ route, method, url: urlFor(route, params), body })
    }
  }
  return calls
}

test.group('Isolation | route table', () => {
  test('every route is named, and every route with params has a fixture or an exemption', ({
    assert,
  }) => {
    const problems = registeredRoutes().flatMap((route) => {
      if (!route.name) return [`${describe(route)} has no name; name it (resource.action)`]
      if (route.name in exemptRoutes || !route.params.length) return []
      if (route.name in routeFixtures) return []
      return [
        `${describe(route)} has params but no fixture: add '${route.name}' to ` +
          'routeFixtures in tests/functional/isolation/route_fixtures.ts ' +
          '(or, for a route open to people outside the organization, to exemptRoutes with the reason)',
      ]
    })
    assert.deepEqual(problems, [])
  })

  test('every fixture and exemption names a registered route', ({ assert }) => {
    const names = new Set(registeredRoutes().map((route) => route.name))
    const stale = [...Object.keys(routeFixtures), ...Object.keys(exemptRoutes)].filter(
      (name) => !names.has(name)
    )
    assert.deepEqual(stale, [], 'remove or rename these entries in route_fixtures.ts')
  })
})

test.group('Isolation | organization B against organization A', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('B reaches none of A’s records, sees none of A’s data and changes nothing of A', async ({
    client,
    assert,
  }) => {
    const a = await buildOrgA()
    const b = await buildOrgB()
    const calls = await plan(a)
    const before = await snapshotOrganization(a.organization.id)
    assert.containsSubset(Object.keys(before), ['memberships', 'invites', 'api_tokens', 'users'])
    assert.isAbove(before.memberships.rows, 5)

    const callers: Caller[] = [
      { membership: b.owner, token: b.ownerToken, sessionOrganizationId: b.organization.id },
      // A session that claims organization A must not get B's owner into A.
      { membership: b.owner, token: b.ownerToken, sessionOrganizationId: a.organization.id },
    ]
    const problems: string[] = []
    for (const { route, method, url, body } of calls) {
      for (const caller of isApi(route) ? callers.slice(0, 1) : callers) {
        const response = await call(client, route, method, url, caller, body)
        const status = response.status()
        const label =
          `${method} ${url} (${route.name ?? 'unnamed'})` +
          (caller.sessionOrganizationId === a.organization.id ? ' with a session claiming A' : '')
        if (route.params.length && ![403, 404].includes(status)) {
          problems.push(`${label} answered ${status}, expected 403 or 404`)
        } else if (status >= 500) {
          problems.push(`${label} answered ${status}`)
        }
        const shown = leaks(response, a)
        if (shown.length) problems.push(`${label} showed A's data: ${shown.join(', ')}`)
      }
    }

    const after = await snapshotOrganization(a.organization.id)
    for (const table of Object.keys({ ...before, ...after })) {
      if (JSON.stringify(before[table]) !== JSON.stringify(after[table])) {
        problems.push(`organization A's ${table} rows changed`)
      }
    }
    assert.deepEqual(problems, [])
    assert.isAbove(calls.length, Object.keys(routeFixtures).length)
  })

  test('every fixture points at a real record of A: A’s owner can use it', async ({
    client,
    assert,
  }) => {
    const a = await buildOrgA()
    const owner: Caller = {
      membership: a.owner,
      token: a.ownerToken,
      sessionOrganizationId: a.organization.id,
    }
    const problems: string[] = []
    for (const { route, method, url, body } of await plan(a)) {
      if (!route.params.length) continue
      const response = await call(client, route, method, url, owner, body)
      const refusal = response.flashMessages()?.errorsBag ?? response.flashMessages()?.error
      if (response.status() >= 400 || refusal) {
        problems.push(
          `${describe(route, method)} as A's owner answered ${response.status()}` +
            (refusal ? ` with ${JSON.stringify(refusal)}` : '') +
            ': its fixture must point at a record of A that A’s owner may use, with a valid body'
        )
      }
    }
    assert.deepEqual(problems, [])
  })
})
