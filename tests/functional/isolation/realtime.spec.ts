import { test } from '@japa/runner'
import transmit from '@adonisjs/transmit/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import { organizationChannel } from '#services/realtime'
import { createMember } from '#tests/helpers/members'

/** Whether a request signed in as `user` may join `channel` (what POST /__transmit/subscribe asks). */
function mayListen(user: User | undefined, channel: string) {
  const ctx = { auth: { user } } as unknown as HttpContext
  return transmit.getManager().verifyAccess(channel, ctx)
}

test.group('Isolation | live updates', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an active member hears their own organization', async ({ assert }) => {
    const member = await createMember('texter')
    assert.isTrue(await mayListen(member.user, organizationChannel(member.organizationId)))
  })

  test('nobody hears another organization', async ({ assert }) => {
    const owner = await createMember('owner')
    const other = await createMember('texter')
    assert.isFalse(await mayListen(owner.user, organizationChannel(other.organizationId)))
  })

  test('pending and suspended members hear nothing', async ({ assert }) => {
    for (const status of ['pending', 'suspended'] as const) {
      const member = await createMember('admin', { status })
      assert.isFalse(await mayListen(member.user, organizationChannel(member.organizationId)))
    }
  })

  test('visitors and made-up channels hear nothing', async ({ assert }) => {
    const member = await createMember('owner')
    assert.isFalse(await mayListen(undefined, organizationChannel(member.organizationId)))
    assert.isFalse(await mayListen(member.user, 'organizations/not-a-number/messages'))
  })
})
