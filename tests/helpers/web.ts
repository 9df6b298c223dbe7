import type { ApiRequest, ApiResponse } from '@japa/api-client'
import type { SessionData } from '@adonisjs/session/types'
import type Membership from '#models/membership'
import type User from '#models/user'
import { CURRENT_ORGANIZATION_KEY } from '#middleware/organization_middleware'

/**
 * A browser-like request from `user`: signed in, with a CSRF token, and
 * without following redirects so a test sees where it was sent.
 */
export function asUser(request: ApiRequest, user: User, session: SessionData = {}) {
  return request.loginAs(user).withSession(session).withCsrfToken().redirects(0)
}

/**
 * The same, inside `membership`'s organization (as chosen in the org switcher).
 * The membership must have its user loaded.
 */
export function asMember(request: ApiRequest, membership: Membership) {
  return asUser(request, membership.user, {
    [CURRENT_ORGANIZATION_KEY]: membership.organizationId,
  })
}

/**
 * A signed-out visitor's form post or page view.
 */
export function asGuest(request: ApiRequest) {
  return request.withCsrfToken().redirects(0)
}

/**
 * The validation messages a form post flashed, by field. (The session
 * plugin's own assertions read a flash key that AdonisJS 7 no longer uses.)
 */
export function fieldErrors(response: ApiResponse): Record<string, string[]> {
  return (response.flashMessage('inputErrorsBag') ?? {}) as Record<string, string[]>
}

/**
 * A form post a policy refused: Bouncer sends the browser back with
 * "Access denied" flashed (a page visit would get a 403 instead).
 */
export function assertFormRefused(response: ApiResponse) {
  response.assertStatus(302)
  response.assertFlashMessage('errorsBag', { E_AUTHORIZATION_FAILURE: 'Access denied' })
}
