import { test } from '@japa/runner'
import transmit from '@adonisjs/transmit/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import { memberChannel, organizationChannel } from '#services/realtime/updates'
import { createMember } from '#tests/helpers/members'

/** Whether a request signed in as `user` may join `channel` (what POST /__transmit/subscribe asks). */
function mayListen(user: User | undefined, channel: string) {
  const input = { uid: 'isolation-check', channel } as Record<string, string>
  const ctx = {
    auth: { user },
    request: { input: (key: string) => input[key] },
  } as unknown as HttpContext
  return transmit.getManager().verifyAccess(channel, ctx)
}

test.group('Isolation | live updates', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('supervisors and above hear their whole organization; texters do not', async ({
    assert,
  }) => {
    for (const role of ['supervisor', 'admin', 'owner'] as const) {
      const member = await createMember(role)
      assert.isTrue(await mayListen(member.user, organizationChannel(member.organizationId)), role)
    }
    const texter = await createMember('texter')
    assert.isFalse(await mayListen(texter.user, organizationChannel(texter.organizationId)))
  })

  test('a member hears their own conversations, nobody else’s', async ({ assert }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const colleague = await createMember('texter', { organization: texter.organization })
    const owner = await createMember('owner', { organization: texter.organization })

    assert.isTrue(await mayListen(texter.user, memberChannel(org, texter.userId)))
    assert.isFalse(await mayListen(colleague.user, memberChannel(org, texter.userId)))
    // Supervisors follow everyone on the organization's channel, not on members' own.
    assert.isFalse(await mayListen(owner.user, memberChannel(org, texter.userId)))
    // Their own id under an organization they do not belong to.
    const stranger = await createMember('owner')
    assert.isFalse(await mayListen(stranger.user, memberChannel(org, stranger.userId)))
  })

  test('nobody hears another organization', async ({ assert }) => {
    const owner = await createMember('owner')
    const other = await createMember('texter')
    assert.isFalse(await mayListen(owner.user, organizationChannel(other.organizationId)))
  })

  test('pending and suspended members hear nothing', async ({ assert }) => {
    for (const status of ['pending', 'suspended'] as const) {
      const member = await createMember('admin', { status })
      const org = member.organizationId
      assert.isFalse(await mayListen(member.user, organizationChannel(org)))
      assert.isFalse(await mayListen(member.user, memberChannel(org, member.userId)))
    }
  })

  test('visitors and made-up channels hear nothing', async ({ assert }) => {
    const member = await createMember('owner')
    assert.isFalse(await mayListen(undefined, organizationChannel(member.organizationId)))
    assert.isFalse(await mayListen(undefined, memberChannel(member.organizationId, 1)))
    assert.isFalse(await mayListen(member.user, 'organizations/not-a-number/messages'))
    assert.isFalse(
      await mayListen(member.user, `organizations/${member.organizationId}/users/x/conversations`)
    )
  })
})
