import { test } from '@japa/runner'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import Organization from '#models/organization'
import Membership from '#models/membership'
import { UserFactory } from '#database/factories/user_factory'
import { asGuest, asUser, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { urlFor } from '@adonisjs/core/services/url_builder'

const setupForm = {
  fullName: 'Rosa Parks',
  email: 'Rosa@Example.org ',
  password: 'a long enough password',
  organizationName: 'Montgomery Improvement Association',
}

async function counts() {
  return {
    users: Number((await User.query().count('* as total').first())!.$extras.total),
    organizations: Number((await Organization.query().count('* as total').first())!.$extras.total),
    memberships: Number((await Membership.query().count('* as total').first())!.$extras.total),
  }
}

test.group('First-run setup | fresh instance', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    const { users } = await counts()
    if (users !== 0) throw new Error('These tests need a database without users')
  })

  test('the home page sends a fresh instance to setup', async ({ client }) => {
    const response = await client.get(urlFor('home')).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/setup')
  })

  test('the setup page renders', async ({ client, assert }) => {
    const response = await client.get(urlFor('setup.create')).redirects(0)
    response.assertStatus(200)
    assert.equal(inertiaPage(response).component, 'setup/create')
  })

  test('setup creates the owner, the organization and signs in', async ({ client, assert }) => {
    const response = await asGuest(client.post(urlFor('setup.store'))).form(setupForm)

    response.assertStatus(302)
    response.assertHeader('location', '/dashboard')

    const user = await User.findByOrFail('email', 'rosa@example.org')
    assert.equal(user.fullName, 'Rosa Parks')
    assert.notEqual(user.password, setupForm.password)
    assert.isTrue(await hash.verify(user.password, setupForm.password))

    const organization = await Organization.findByOrFail('name', setupForm.organizationName)
    assert.equal(organization.slug, 'montgomery-improvement-association')
    const membership = await Membership.query()
      .where('organization_id', organization.id)
      .where('user_id', user.id)
      .firstOrFail()
    assert.equal(membership.role, 'owner')
    assert.equal(membership.status, 'active')

    response.assertSession('auth_web', user.id)
    response.assertSession('organizationId', organization.id)
  })

  test('setup with missing fields creates nothing', async ({ client, assert }) => {
    const response = await asGuest(client.post(urlFor('setup.store'))).form({
      email: 'not-an-email',
    })

    response.assertStatus(302)
    assert.sameMembers(Object.keys(fieldErrors(response)), [
      'fullName',
      'email',
      'password',
      'organizationName',
    ])
    assert.deepEqual(await counts(), { users: 0, organizations: 0, memberships: 0 })
    response.assertSessionMissing('auth_web')
  })
})

test.group('First-run setup | once someone exists', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the home page sends visitors to sign in', async ({ client }) => {
    await UserFactory.create()
    const response = await client.get(urlFor('home')).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('the setup page redirects to sign in', async ({ client }) => {
    await UserFactory.create()
    const response = await client.get(urlFor('setup.create')).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('posting the setup form is refused and creates nothing', async ({ client, assert }) => {
    await UserFactory.create()
    const before = await counts()

    const response = await asGuest(client.post(urlFor('setup.store'))).form(setupForm)

    response.assertStatus(302)
    response.assertFlashMessage('error', 'This instance is already set up')
    response.assertSessionMissing('auth_web')
    assert.deepEqual(await counts(), before)
    assert.isNull(await User.findBy('email', 'rosa@example.org'))
  })

  test('a signed-in user cannot replay setup either', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const before = await counts()

    const response = await asUser(client.post(urlFor('setup.store')), user).form(setupForm)

    response.assertFlashMessage('error', 'This instance is already set up')
    assert.deepEqual(await counts(), before)
  })
})
