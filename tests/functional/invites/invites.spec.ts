import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Invite from '#models/invite'
import { createMember } from '#tests/helpers/members'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function invitesOf(organizationId: number) {
  return Invite.query().where('organization_id', organizationId).orderBy('id')
}

test.group('Invites | managing links', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const role of ['texter', 'supervisor'] as const) {
    test(`a ${role} can neither list, create nor revoke invite links`, async ({
      client,
      assert,
    }) => {
      const member = await createMember(role)
      const owner = await createMember('owner', { organization: member.organization })
      await asMember(client.post(urlFor('invites.store')), owner).form({ role: 'texter' })
      const [invite] = await invitesOf(member.organizationId)

      const list = await asMember(client.get(urlFor('invites.index')), member)
      list.assertStatus(403)
      assertFormRefused(
        await asMember(client.post(urlFor('invites.store')), member).form({ role: 'texter' })
      )
      assertFormRefused(
        await asMember(client.delete(urlFor('invites.destroy', { id: invite.id })), member)
      )

      const after = await invitesOf(member.organizationId)
      assert.lengthOf(after, 1)
      assert.isNull(after[0].revokedAt)
    })
  }

  test('an admin creates a link with a role, an expiry and a use limit', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')

    const response = await asMember(client.post(urlFor('invites.store')), admin).form({
      role: 'supervisor',
      expiresInDays: 3,
      maxUses: 25,
    })

    response.assertStatus(302)
    response.assertHeader('location', '/invites')
    const [invite] = await invitesOf(admin.organizationId)
    assert.equal(invite.role, 'supervisor')
    assert.equal(invite.maxUses, 25)
    assert.equal(invite.uses, 0)
    assert.equal(invite.createdById, admin.userId)
    assert.isAtLeast(invite.token.length, 32)
    const days = invite.expiresAt!.diff(DateTime.now(), 'days').days
    assert.closeTo(days, 3, 0.01)
  })

  test('without options a link lasts 14 days with no use limit', async ({ client, assert }) => {
    const admin = await createMember('admin')

    await asMember(client.post(urlFor('invites.store')), admin).form({ role: 'texter' })

    const [invite] = await invitesOf(admin.organizationId)
    assert.isNull(invite.maxUses)
    assert.closeTo(invite.expiresAt!.diff(DateTime.now(), 'days').days, 14, 0.01)
  })

  test('the owner role cannot be handed out by link', async ({ client, assert }) => {
    const owner = await createMember('owner')

    const response = await asMember(client.post(urlFor('invites.store')), owner).form({
      role: 'owner',
    })

    assert.property(fieldErrors(response), 'role')
    assert.lengthOf(await invitesOf(owner.organizationId), 0)
  })

  test('the list shows each link with its URL and state', async ({ client, assert }) => {
    const admin = await createMember('admin')
    await asMember(client.post(urlFor('invites.store')), admin).form({ role: 'texter' })
    await asMember(client.post(urlFor('invites.store')), admin).form({ role: 'admin', maxUses: 1 })
    const [open, usedUp] = await invitesOf(admin.organizationId)
    usedUp.uses = 1
    await usedUp.save()
    const elsewhere = await createMember('owner')
    await asMember(client.post(urlFor('invites.store')), elsewhere).form({ role: 'texter' })

    const response = await asMember(client.get(urlFor('invites.index')), admin)

    response.assertStatus(200)
    const { props } = inertiaPage(response)
    assert.deepEqual(
      props.invites.map((i: { id: number; state: string; role: string }) => [
        i.id,
        i.role,
        i.state,
      ]),
      [
        [usedUp.id, 'admin', 'used up'],
        [open.id, 'texter', 'open'],
      ]
    )
    assert.match(props.invites[1].url, new RegExp(`/join/${open.token}$`))
  })

  test('an admin revokes a link', async ({ client, assert }) => {
    const admin = await createMember('admin')
    await asMember(client.post(urlFor('invites.store')), admin).form({ role: 'texter' })
    const [invite] = await invitesOf(admin.organizationId)

    const response = await asMember(
      client.delete(urlFor('invites.destroy', { id: invite.id })),
      admin
    )

    response.assertStatus(302)
    response.assertFlashMessage('success', 'Invite link revoked.')
    await invite.refresh()
    assert.isNotNull(invite.revokedAt)
    assert.equal(invite.unusableReason, 'revoked')
  })

  test('another organization’s link cannot be revoked', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const elsewhere = await createMember('owner')
    await asMember(client.post(urlFor('invites.store')), elsewhere).form({ role: 'texter' })
    const [invite] = await invitesOf(elsewhere.organizationId)

    const response = await asMember(
      client.delete(urlFor('invites.destroy', { id: invite.id })),
      admin
    )

    response.assertStatus(404)
    await invite.refresh()
    assert.isNull(invite.revokedAt)
  })
})
