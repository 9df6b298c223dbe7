import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Invite from '#models/invite'
import type Membership from '#models/membership'
import CreateInvite from '#actions/invites/create_invite'
import { appUrl } from '#config/app'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'

function inviteFor(actor: Membership, role: 'texter' | 'supervisor' | 'admin' = 'texter') {
  return CreateInvite.handle({ actor, data: { role } })
}

test.group('API | invites', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an {$self} makes a join link with a role, an expiry and a use limit')
    .with(['owner', 'admin'] as const)
    .run(async ({ client, assert }, role) => {
      const membership = await createMember(role)

      const response = await client
        .post('/api/v1/invites')
        .bearerToken(await apiTokenFor(membership))
        .json({ role: 'supervisor', expiresInDays: 3, maxUses: 25 })

      response.assertStatus(201)
      assertMatchesApiDoc(response)
      const body = response.body()
      const invite = await Invite.forOrganization(membership.organizationId)
        .where('id', body.id)
        .firstOrFail()
      assert.equal(invite.role, 'supervisor')
      assert.equal(invite.maxUses, 25)
      assert.containSubset(body, { role: 'supervisor', maxUses: 25, uses: 0, state: 'open' })
      const expiresAt = DateTime.fromISO(body.expiresAt)
      assert.closeTo(expiresAt.diff(DateTime.now().plus({ days: 3 })).as('minutes'), 0, 1)
      assert.closeTo(expiresAt.diff(invite.expiresAt!).as('seconds'), 0, 1)
      // The link is absolute, on the instance's public URL (APP_URL), and opens the join page.
      assert.equal(body.url, `${appUrl}/join/${invite.token}`)
      assert.match(body.url, /^https?:\/\//)
      const joinPage = await client.get(new URL(body.url).pathname)
      joinPage.assertStatus(200)
    })

  test('an invite without an expiry lasts 14 days and has no use limit', async ({
    client,
    assert,
  }) => {
    const membership = await createMember('admin')

    const response = await client
      .post('/api/v1/invites')
      .bearerToken(await apiTokenFor(membership))
      .json({ role: 'texter' })

    response.assertStatus(201)
    assertMatchesApiDoc(response)
    const expiresAt = DateTime.fromISO(response.body().expiresAt)
    assert.closeTo(expiresAt.diff(DateTime.now().plus({ days: 14 })).as('minutes'), 0, 1)
    assert.isNull(response.body().maxUses)
  })

  test('an invite cannot make an owner', async ({ client, assert }) => {
    const membership = await createMember('owner')

    const response = await client
      .post('/api/v1/invites')
      .bearerToken(await apiTokenFor(membership))
      .json({ role: 'owner' })

    response.assertStatus(422)
    assertMatchesApiDoc(response)
    assert.equal(response.body().errors[0].field, 'role')
    assert.lengthOf(await Invite.forOrganization(membership.organizationId), 0)
  })

  test('a {$self} may not list, make or revoke invites')
    .with(['texter', 'supervisor'] as const)
    .run(async ({ client, assert }, role) => {
      const membership = await createMember(role)
      const admin = await createMember('admin', { organization: membership.organization })
      const invite = await inviteFor(admin)
      const token = await apiTokenFor(membership)

      for (const response of [
        await client.get('/api/v1/invites').bearerToken(token),
        await client.post('/api/v1/invites').bearerToken(token).json({ role: 'texter' }),
        await client.delete(`/api/v1/invites/${invite.id}`).bearerToken(token),
      ]) {
        response.assertStatus(403)
        assertMatchesApiDoc(response)
      }
      assert.lengthOf(await Invite.forOrganization(membership.organizationId), 1)
      await invite.refresh()
      assert.isNull(invite.revokedAt)
    })

  test('lists the organization’s invites a page at a time, newest first', async ({
    client,
    assert,
  }) => {
    const membership = await createMember('admin')
    const [oldest, middle, newest] = [
      await inviteFor(membership, 'texter'),
      await inviteFor(membership, 'supervisor'),
      await inviteFor(membership, 'admin'),
    ]
    await inviteFor(await createMember('owner'))
    const token = await apiTokenFor(membership)

    const first = await client.get('/api/v1/invites').qs({ perPage: 2 }).bearerToken(token)
    first.assertStatus(200)
    assertMatchesApiDoc(first)
    assert.deepEqual(
      first.body().data.map((invite: { id: number }) => invite.id),
      [newest.id, middle.id]
    )
    assert.deepEqual(first.body().meta, { total: 3, page: 1, perPage: 2 })

    const second = await client
      .get('/api/v1/invites')
      .qs({ page: 2, perPage: 2 })
      .bearerToken(token)
    second.assertStatus(200)
    assertMatchesApiDoc(second)
    assert.deepEqual(
      second.body().data.map((invite: { id: number }) => invite.id),
      [oldest.id]
    )
    assert.deepEqual(second.body().meta, { total: 3, page: 2, perPage: 2 })
  })

  test('a page holds at most 500', async ({ client, assert }) => {
    const membership = await createMember('owner')
    const token = await apiTokenFor(membership)

    const largest = await client.get('/api/v1/invites').qs({ perPage: 500 }).bearerToken(token)
    largest.assertStatus(200)
    assertMatchesApiDoc(largest)
    assert.deepEqual(largest.body().meta, { total: 0, page: 1, perPage: 500 })

    const tooLarge = await client.get('/api/v1/invites').qs({ perPage: 501 }).bearerToken(token)
    tooLarge.assertStatus(422)
    assertMatchesApiDoc(tooLarge)
    assert.equal(tooLarge.body().errors[0].field, 'perPage')
    assert.equal(tooLarge.body().errors[0].rule, 'max')
  })

  test('revoking an invite stops its link', async ({ client, assert }) => {
    const membership = await createMember('admin')
    const invite = await inviteFor(membership)

    const response = await client
      .delete(`/api/v1/invites/${invite.id}`)
      .bearerToken(await apiTokenFor(membership))

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.containSubset(response.body(), { id: invite.id, state: 'revoked' })
    await invite.refresh()
    assert.equal(invite.unusableReason, 'revoked')
  })

  test('another organization’s invite is not found and stays open', async ({ client, assert }) => {
    const membership = await createMember('owner')
    const theirs = await inviteFor(await createMember('owner'))

    const response = await client
      .delete(`/api/v1/invites/${theirs.id}`)
      .bearerToken(await apiTokenFor(membership))

    response.assertStatus(404)
    assertMatchesApiDoc(response)
    await theirs.refresh()
    assert.isNull(theirs.revokedAt)
  })
})
