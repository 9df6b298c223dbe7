import { test } from '@japa/runner'
import { MEMBERSHIP_STATUSES, ROLES } from '#models/membership'
import { bouncerFor, membership } from './helpers.js'

/**
 * Invite links and organization settings are for active admins and owners.
 */
const decisions = [
  ['InvitePolicy', 'viewList'],
  ['InvitePolicy', 'create'],
  ['InvitePolicy', 'revoke'],
  ['OrganizationPolicy', 'update'],
] as const

test.group('InvitePolicy and OrganizationPolicy', () => {
  for (const [policy, action] of decisions) {
    test(`${policy}.${action} is for active admins and owners only`, async ({ assert }) => {
      const allowed = []
      for (const status of MEMBERSHIP_STATUSES) {
        for (const role of ROLES) {
          const bouncer = bouncerFor(membership(role, status)).with(policy)
          if (await bouncer.allows(action as never)) allowed.push(`${status} ${role}`)
        }
      }
      assert.deepEqual(allowed, ['active admin', 'active owner'])
    })
  }
})
