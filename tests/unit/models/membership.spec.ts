import { test } from '@japa/runner'
import Membership, { MEMBERSHIP_STATUSES, ROLES, roleRank, type Role } from '#models/membership'

function membership(role: Role, status: Membership['status'] = 'active') {
  return new Membership().merge({ role, status })
}

test.group('Membership | roles', () => {
  test('roles rank from texter up to owner', ({ assert }) => {
    assert.deepEqual(ROLES, ['texter', 'supervisor', 'admin', 'owner'])
    assert.deepEqual(
      ROLES.map((role) => roleRank(role)),
      [0, 1, 2, 3]
    )
  })

  test('a role is at least itself and every role below it, and nothing above', ({ assert }) => {
    for (const held of ROLES) {
      for (const asked of ROLES) {
        assert.equal(
          membership(held).atLeast(asked),
          ROLES.indexOf(held) >= ROLES.indexOf(asked),
          `${held} at least ${asked}`
        )
      }
    }
  })

  test('only an active membership is active', ({ assert }) => {
    assert.deepEqual(
      MEMBERSHIP_STATUSES.map((status) => membership('owner', status).isActive),
      [true, false, false]
    )
  })
})
