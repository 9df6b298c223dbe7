import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import type { ApiResponse } from '@japa/api-client'
import {
  assertMatchesApiDoc,
  compileComponentSchemas,
  documentedOperations,
} from '#tests/helpers/openapi'

/**
 * Routes as `METHOD /path/{param}`: the router's `:param` in OpenAPI's spelling.
 */
function registeredOperations() {
  return Object.values(router.toJSON())
    .flat()
    .flatMap((route) =>
      route.methods
        .filter((method) => method !== 'HEAD')
        .map((method) => ({
          operation: `${method} ${route.pattern.replace(/:(\w+)/g, '{$1}')}`,
          name: route.name,
        }))
    )
}

/**
 * Just enough of an api-client response for `assertMatchesApiDoc` to judge.
 */
function answered(method: string, endpoint: string, status: number, body: unknown) {
  return {
    request: { config: { method, endpoint } },
    status: () => status,
    body: () => body,
    text: () => JSON.stringify(body),
    type: () => 'application/json',
  } as unknown as ApiResponse
}

test.group('API | documentation', () => {
  test('every /api/v1 route is in docs/openapi.yaml', ({ assert }) => {
    const documented = documentedOperations().map(({ method, path }) => `${method} ${path}`)
    const undocumented = registeredOperations()
      .filter(({ operation }) => operation.includes(' /api/v1/'))
      .map(({ operation }) => operation)
      .filter((operation) => !documented.includes(operation))

    assert.deepEqual(undocumented, [], 'Document these routes in docs/openapi.yaml')
  })

  test('everything docs/openapi.yaml documents exists, under the route’s name', ({ assert }) => {
    const registered = registeredOperations()
    const mismatched = documentedOperations()
      .map(({ method, path, operation }) => {
        const route = registered.find((r) => r.operation === `${method} ${path}`)
        if (!route) return `${method} ${path}: no such route`
        if (operation.operationId !== route.name) {
          return `${method} ${path}: operationId should be the route name "${route.name}"`
        }
      })
      .filter(Boolean)

    assert.deepEqual(mismatched, [])
  })

  test('every shared schema is valid JSON Schema', ({ assert }) => {
    assert.doesNotThrow(compileComponentSchemas)
  })

  test('a response the document does not describe fails, saying why', ({ assert }) => {
    const me = {
      user: { id: 1, email: 'rosa@example.org', name: 'Rosa' },
      organization: { id: 1, slug: 'eastside', name: 'Eastside' },
      role: 'owner',
    }
    assert.doesNotThrow(() => assertMatchesApiDoc(answered('GET', '/api/v1/me', 200, me)))

    assert.throws(
      () => assertMatchesApiDoc(answered('GET', '/api/v1/nope', 200, {})),
      'GET /api/v1/nope → 200: the path is not in docs/openapi.yaml'
    )
    assert.throws(
      () => assertMatchesApiDoc(answered('PUT', '/api/v1/invites/7', 200, {})),
      'PUT /api/v1/invites/{id} is not in docs/openapi.yaml'
    )
    assert.throws(
      () => assertMatchesApiDoc(answered('GET', '/api/v1/me', 418, {})),
      /status 418 is not documented for GET \/api\/v1\/me/
    )
    assert.throws(
      () => assertMatchesApiDoc(answered('GET', '/api/v1/me', 200, { ...me, role: 'boss' })),
      /does not match docs\/openapi.yaml\n.*role must be equal to one of the allowed values/
    )
    assert.throws(
      () => assertMatchesApiDoc(answered('GET', '/api/v1/me', 200, { ...me, extra: true })),
      /must NOT have additional properties/
    )
  })
})
