import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Membership, { ROLES, type Role } from '#models/membership'
import { UserFactory } from '#database/factories/user_factory'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { createMember } from '#tests/helpers/members'
import { createInvite } from '#tests/helpers/invites'
import { inertiaPage } from '#tests/helpers/inertia'
import { memberChannel } from '#services/realtime/updates'
import { asGuest, asMember, asUser } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** Where each role starts: organizers on the overview, texters on their texting page. */
const HOME: Record<Role, { path: string; route: 'texting.index' | 'dashboard' }> = {
  texter: { path: '/texting', route: 'texting.index' },
  supervisor: { path: '/dashboard', route: 'dashboard' },
  admin: { path: '/dashboard', route: 'dashboard' },
  owner: { path: '/dashboard', route: 'dashboard' },
}

const a = (role: Role) => (role === 'admin' || role === 'owner' ? `an ${role}` : `a ${role}`)

test.group('Home | where each role lands', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const role of ROLES) {
    const home = HOME[role]

    test(`${a(role)} who signs in lands on ${home.path}`, async ({ client }) => {
      const { user } = await createMember(role)

      const response = await asGuest(client.post(urlFor('session.store'))).form({
        email: user.email,
        password: 'password-for-tests',
      })

      response.assertStatus(302)
      response.assertHeader('location', home.path)
    })

    test(`"/" and the logo take ${a(role)} to ${home.path}`, async ({ client, assert }) => {
      const member = await createMember(role)

      const start = await asMember(client.get(urlFor('home')), member)
      start.assertStatus(302)
      start.assertHeader('location', home.path)

      // The layout's logo links to the route every page shares as `organization.home`.
      const page = await asMember(client.get(urlFor(home.route)), member)
      page.assertStatus(200)
      assert.equal(inertiaPage(page).props.organization.home, home.route)
    })
  }

  // Invite links give any role but owner.
  for (const role of ['texter', 'supervisor', 'admin'] as const) {
    const home = HOME[role]

    test(`${a(role)} who joins through an invite link lands on ${home.path}`, async ({
      client,
    }) => {
      const organization = await OrganizationFactory.create()
      const invite = await createInvite(organization, { role })

      const response = await asGuest(
        client.post(urlFor('join.store', { token: invite.token }))
      ).form({
        fullName: 'New Volunteer',
        email: `new.${role}@example.org`,
        password: 'a volunteer passphrase',
      })

      response.assertStatus(302)
      response.assertHeader('location', home.path)
    })
  }

  test('a texter who opens the overview is sent to their texting page', async ({ client }) => {
    const texter = await createMember('texter')

    const response = await asMember(client.get(urlFor('dashboard')), texter)

    response.assertStatus(302)
    response.assertHeader('location', '/texting')
  })

  test('an organizer keeps the overview', async ({ client, assert }) => {
    const supervisor = await createMember('supervisor')

    const response = await asMember(client.get(urlFor('dashboard')), supervisor)

    response.assertStatus(200)
    assert.equal(inertiaPage(response).component, 'dashboard')
  })

  test('the home follows the organization chosen in the switcher', async ({ client }) => {
    // One user: owner of one organization, texter in another.
    const owner = await createMember('owner')
    const other = await OrganizationFactory.create()
    await Membership.create({
      organizationId: other.id,
      userId: owner.userId,
      role: 'texter',
      status: 'active',
    })

    const asOwner = await asMember(client.get(urlFor('home')), owner)
    asOwner.assertHeader('location', '/dashboard')
    const asTexter = await asUser(client.get(urlFor('home')), owner.user, {
      organizationId: other.id,
    })
    asTexter.assertHeader('location', '/texting')

    const switched = await asMember(
      client.post(urlFor('organizations.switch', { id: other.id })),
      owner
    )
    switched.assertHeader('location', '/texting')
  })

  test('the texting page listens on the texter’s own live channel', async ({ client, assert }) => {
    const texter = await createMember('texter')

    const response = await asMember(client.get(urlFor('texting.index')), texter)

    assert.equal(
      inertiaPage(response).props.channel,
      memberChannel(texter.organizationId, texter.userId)
    )
  })

  test('a member waiting for approval starts on the waiting page', async ({ client }) => {
    const pending = await createMember('texter', { status: 'pending' })

    const response = await asMember(client.get(urlFor('home')), pending)

    response.assertHeader('location', '/waiting')
  })

  test('someone without an organization is asked to create one', async ({ client }) => {
    const user = await UserFactory.create()

    const start = await asUser(client.get(urlFor('home')), user)
    start.assertHeader('location', '/organizations/new')
    const signIn = await asGuest(client.post(urlFor('session.store'))).form({
      email: user.email,
      password: 'password-for-tests',
    })
    signIn.assertHeader('location', '/organizations/new')
  })
})
