import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Invite from '#models/invite'

function invite(state: Partial<Invite>) {
  return new Invite().merge({
    role: 'texter',
    uses: 0,
    maxUses: null,
    expiresAt: DateTime.now().plus({ days: 1 }),
    revokedAt: null,
    ...state,
  })
}

test.group('Invite | unusableReason', () => {
  test('an open link has no reason', ({ assert }) => {
    assert.isNull(invite({}).unusableReason)
    assert.isNull(invite({ maxUses: 5, uses: 4 }).unusableReason)
  })

  test('a link without expiry or use limit stays open', ({ assert }) => {
    assert.isNull(invite({ expiresAt: null, uses: 100_000 }).unusableReason)
  })

  test('a revoked link is revoked', ({ assert }) => {
    assert.equal(invite({ revokedAt: DateTime.now() }).unusableReason, 'revoked')
  })

  test('a link past its expiry is expired', ({ assert }) => {
    assert.equal(
      invite({ expiresAt: DateTime.now().minus({ seconds: 1 }) }).unusableReason,
      'expired'
    )
  })

  test('a link whose uses reached the limit is used up', ({ assert }) => {
    assert.equal(invite({ maxUses: 1, uses: 1 }).unusableReason, 'used up')
    assert.equal(invite({ maxUses: 3, uses: 4 }).unusableReason, 'used up')
  })

  test('revoked wins over expired, and expired over used up', ({ assert }) => {
    const past = DateTime.now().minus({ days: 1 })
    assert.equal(
      invite({ revokedAt: past, expiresAt: past, maxUses: 1, uses: 1 }).unusableReason,
      'revoked'
    )
    assert.equal(invite({ expiresAt: past, maxUses: 1, uses: 1 }).unusableReason, 'expired')
  })
})
