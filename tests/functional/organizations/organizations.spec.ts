import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Membership from '#models/membership'
import Organization from '#models/organization'
import { UserFactory } from '#database/factories/user_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { createMember } from '#tests/helpers/members'
import { createInvite } from '#tests/helpers/invites'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember, asUser, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

/**
 * The same user as an active member of a second organization.
 */
async function alsoMemberOf(membership: Membership, status: Membership['status'] = 'active') {
  const organization = await OrganizationFactory.create()
  await Membership.create({
    organizationId: organization.id,
    userId: membership.userId,
    role: 'texter',
    status,
  })
  return organization
}

test.group('Organizations | create', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a signed-in user creates a second organization and lands in it', async ({
    client,
    assert,
  }) => {
    const first = await createMember('texter')

    const response = await asUser(client.post(urlFor('organizations.store')), first.user, {
      organizationId: first.organizationId,
    }).form({ name: 'Tenants Union of Springfield' })

    response.assertStatus(302)
    response.assertHeader('location', '/dashboard')
    const created = await Organization.findByOrFail('name', 'Tenants Union of Springfield')
    response.assertSession('organizationId', created.id)
    const membership = await Membership.query()
      .where('organization_id', created.id)
      .where('user_id', first.userId)
      .firstOrFail()
    assert.equal(membership.role, 'owner')
    assert.equal(membership.status, 'active')
  })

  test('two organizations with the same name get different slugs', async ({ client, assert }) => {
    const user = await UserFactory.create()
    for (let i = 0; i < 2; i++) {
      await asUser(client.post(urlFor('organizations.store')), user).form({
        name: 'Food Not Bombs',
      })
    }
    const created = await Organization.query().where('name', 'Food Not Bombs').orderBy('id')
    assert.deepEqual(
      created.map((o) => o.slug),
      ['food-not-bombs', 'food-not-bombs-2']
    )
  })

  test('a name is required', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await asUser(client.post(urlFor('organizations.store')), user).form({
      name: ' ',
    })
    assert.property(fieldErrors(response), 'name')
    assert.lengthOf(await Membership.query().where('user_id', user.id), 0)
  })

  test('someone without an organization is asked to create one', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await asUser(client.get(urlFor('dashboard')), user)
    response.assertStatus(302)
    response.assertHeader('location', '/organizations/new')
  })
})

test.group('Organizations | switch', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a member switches to another of their organizations', async ({ client, assert }) => {
    const member = await createMember('admin')
    const other = await alsoMemberOf(member)

    const response = await asUser(
      client.post(urlFor('organizations.switch', { id: other.id })),
      member.user,
      {
        organizationId: member.organizationId,
      }
    )

    // A texter there: their home in that organization is the texting page.
    response.assertStatus(302)
    response.assertHeader('location', '/texting')
    response.assertSession('organizationId', other.id)

    const texting = await asUser(client.get(urlFor('texting.index')), member.user, {
      organizationId: other.id,
    })
    const { props } = inertiaPage(texting)
    assert.equal(props.organization.id, other.id)
    assert.equal(props.organization.role, 'texter')
    assert.deepEqual(
      props.otherOrganizations.map((o: { id: number }) => o.id),
      [member.organizationId]
    )
  })

  test('switching to an organization one does not belong to is a 404', async ({ client }) => {
    const member = await createMember('owner')
    const stranger = await createMember('owner')

    const response = await asUser(
      client.post(urlFor('organizations.switch', { id: stranger.organizationId })),
      member.user,
      { organizationId: member.organizationId }
    )

    response.assertStatus(404)
    response.assertSession('organizationId', member.organizationId)
  })

  test('a suspended member cannot switch into that organization', async ({ client }) => {
    const member = await createMember('texter')
    const suspendedIn = await alsoMemberOf(member, 'suspended')

    const response = await asUser(
      client.post(urlFor('organizations.switch', { id: suspendedIn.id })),
      member.user,
      { organizationId: member.organizationId }
    )

    response.assertStatus(404)
  })

  test('a session still pointing at an organization that suspended the member does not enter it', async ({
    client,
    assert,
  }) => {
    const member = await createMember('texter')
    const suspendedIn = await alsoMemberOf(member, 'suspended')

    const response = await asUser(client.get(urlFor('texting.index')), member.user, {
      organizationId: suspendedIn.id,
    })

    response.assertStatus(200)
    const { props } = inertiaPage(response)
    assert.equal(props.organization.id, member.organizationId)
    assert.notInclude(
      props.otherOrganizations.map((o: { id: number }) => o.id),
      suspendedIn.id
    )
  })

  test('a member suspended from their only organization gets no way in', async ({ client }) => {
    const member = await createMember('texter', { status: 'suspended' })

    for (const path of [urlFor('dashboard'), urlFor('api_tokens.index'), urlFor('waiting.show')]) {
      const response = await asUser(client.get(path), member.user, {
        organizationId: member.organizationId,
      })
      response.assertStatus(302)
      response.assertHeader('location', '/organizations/new')
    }
  })

  test('the switcher leads a pending member to the waiting page', async ({ client }) => {
    const member = await createMember('texter')
    const pendingIn = await alsoMemberOf(member, 'pending')

    const switched = await asUser(
      client.post(urlFor('organizations.switch', { id: pendingIn.id })),
      member.user
    )
    switched.assertSession('organizationId', pendingIn.id)

    const response = await asUser(client.get(urlFor('dashboard')), member.user, {
      organizationId: pendingIn.id,
    })
    response.assertStatus(302)
    response.assertHeader('location', '/waiting')
  })
})

test.group('Organizations | settings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const role of ['texter', 'supervisor'] as const) {
    test(`a ${role} cannot open or change the settings`, async ({ client, assert }) => {
      const member = await createMember(role)
      const name = member.organization.name

      const page = await asUser(client.get(urlFor('organization_settings.edit')), member.user)
      page.assertStatus(403)
      const update = await asUser(
        client.put(urlFor('organization_settings.update')),
        member.user
      ).form({
        name: 'Renamed by a texter',
      })
      assertFormRefused(update)

      await member.organization.refresh()
      assert.equal(member.organization.name, name)
    })
  }

  for (const role of ['admin', 'owner'] as const) {
    test(`an ${role} renames the organization and requires approval`, async ({
      client,
      assert,
    }) => {
      const member = await createMember(role)

      const page = await asUser(client.get(urlFor('organization_settings.edit')), member.user)
      page.assertStatus(200)
      const response = await asUser(
        client.put(urlFor('organization_settings.update')),
        member.user
      ).json({
        name: 'Riverside Tenants',
        requiresApproval: true,
      })

      response.assertStatus(302)
      await member.organization.refresh()
      assert.equal(member.organization.name, 'Riverside Tenants')
      assert.isTrue(member.organization.requiresApproval)
    })
  }
})

test.group('Organizations | dashboard', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('counts the organization’s members, and open invite links for admins', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const { organization } = admin
    await createMember('texter', { organization })
    await createMember('texter', { organization, status: 'pending' })
    await createMember('texter', { organization, status: 'suspended' })
    await createInvite(organization)
    await createInvite(organization, { revokedAt: DateTime.now() })
    await createInvite(organization, { maxUses: 1, uses: 1 })
    const elsewhere = await createMember('owner')
    await createInvite(elsewhere.organization)

    const response = await asMember(client.get(urlFor('dashboard')), admin)

    response.assertStatus(200)
    assert.deepEqual(inertiaPage(response).props.stats, {
      activeMembers: 2,
      pendingMembers: 1,
      openInvites: 1,
    })
  })

  test('a supervisor sees the member counts but not the invite links', async ({
    client,
    assert,
  }) => {
    const supervisor = await createMember('supervisor')
    await createInvite(supervisor.organization)

    const response = await asMember(client.get(urlFor('dashboard')), supervisor)

    assert.deepEqual(inertiaPage(response).props.stats, {
      activeMembers: 1,
      pendingMembers: 0,
      openInvites: null,
    })
  })
})
