import Membership from '#models/membership'
import type { OrgA } from './world.js'
import { finishedImportWithReport, uploadedImport } from '#tests/helpers/imports'

type Params = Record<string, string | number>

/**
 * How to point one route at organization A's data.
 */
export type RouteFixture = {
  /**
   * A's values for the route's params. A route that changes or deletes its
   * record gets a record of its own (`a.newMember()`, `a.newInvite()`, or one
   * you create with `organizationId: a.organization.id` and `a.marker` in its
   * text), because A's owner also calls every route to prove the fixture
   * points at something real.
   */
  params: (a: OrgA) => Params | Promise<Params>
  /**
   * A body that passes validation, so a refusal cannot come from the
   * validator before the record lookup has been tried.
   */
  body?: Record<string, unknown>
}

/**
 * Every route with params, by route name. The isolation walker
 * (isolation.spec.ts) calls each one as organization B with A's values and
 * expects 403 or 404; a route with params and no entry here (or in
 * `exemptRoutes`) fails it.
 */
export const routeFixtures: Record<string, RouteFixture> = {
  'organizations.switch': { params: (a) => ({ id: a.organization.id }) },

  'api_tokens.destroy': {
    params: async (a) => {
      const token = await Membership.accessTokens.create(a.owner, ['*'], { name: a.marker })
      a.secrets.push(token.value!.release())
      return { id: Number(token.identifier) }
    },
  },

  'members.update': {
    params: (a) => a.newMember().then(({ id }) => ({ id })),
    body: { role: 'supervisor' },
  },
  'members.update_status': {
    params: (a) => a.newMember().then(({ id }) => ({ id })),
    body: { status: 'suspended' },
  },
  'members.destroy': { params: (a) => a.newMember().then(({ id }) => ({ id })) },

  'invites.destroy': { params: (a) => a.newInvite().then(({ id }) => ({ id })) },
  'api.invites.destroy': { params: (a) => a.newInvite().then(({ id }) => ({ id })) },

  'imports.show': {
    params: (a) => finishedImportWithReport(a.owner, a.marker).then(({ id }) => ({ id })),
  },
  'imports.report': {
    params: (a) => finishedImportWithReport(a.owner, a.marker).then(({ id }) => ({ id })),
  },
  'imports.remap': {
    params: (a) =>
      uploadedImport(a.owner, 'messy.csv', { status: 'draft', listName: a.marker }).then(
        ({ id }) => ({ id })
      ),
    body: { list: 'Renamed', defaultRegion: 'US' },
  },
  'imports.start': {
    params: (a) =>
      uploadedImport(a.owner, 'messy.csv', { status: 'draft', listName: a.marker }).then(
        ({ id }) => ({ id })
      ),
    body: { list: 'Started', defaultRegion: 'US' },
  },
  'api.imports.show': {
    params: (a) => finishedImportWithReport(a.owner, a.marker).then(({ id }) => ({ id })),
  },
  'api.imports.report': {
    params: (a) => finishedImportWithReport(a.owner, a.marker).then(({ id }) => ({ id })),
  },
}

/**
 * Routes the walker does not call, each with the reason. Only routes that
 * are reachable without belonging to an organization belong here.
 */
export const exemptRoutes: Record<string, string> = {
  'health.show': 'public health check; reads no organization data',
  'setup.create': 'first-run setup; refused once any user exists (auth/setup.spec.ts)',
  'setup.store': 'first-run setup; refused once any user exists (auth/setup.spec.ts)',
  'session.create': 'the sign-in form, for visitors',
  'session.store': 'signing in; rate limited per email and IP (auth/session.spec.ts)',
  'password_resets.create': 'password reset belongs to a user, not an organization',
  'password_resets.store': 'password reset belongs to a user, not an organization',
  'password_resets.edit': 'the reset token is the credential (auth/password_reset.spec.ts)',
  'password_resets.update': 'the reset token is the credential (auth/password_reset.spec.ts)',
  'join.show':
    'an invite link is meant for whoever holds it: it names the organization (invites/join.spec.ts)',
  'join.store':
    'an invite link is meant for whoever holds it: it lets them join (invites/join.spec.ts)',
  'api.not_found': 'catch-all answering 404 for unknown API paths',
}
