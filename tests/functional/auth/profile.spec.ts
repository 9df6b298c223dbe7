import { test } from '@japa/runner'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { asUser, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { urlFor } from '@adonisjs/core/services/url_builder'

const CURRENT = 'password-for-tests'

test.group('Account | name and password', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the account page renders for a signed-in user', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await asUser(client.get(urlFor('profile.edit')), user)
    response.assertStatus(200)
    assert.equal(inertiaPage(response).component, 'account/profile')
  })

  test('changing the name saves it', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await asUser(client.put(urlFor('profile.update')), user).form({
      fullName: '  Ella Baker ',
    })

    response.assertStatus(302)
    response.assertFlashMessage('success', 'Your name is saved.')
    await user.refresh()
    assert.equal(user.fullName, 'Ella Baker')
  })

  test('an empty name is refused', async ({ client, assert }) => {
    const user = await UserFactory.merge({ fullName: 'Ella Baker' }).create()

    const response = await asUser(client.put(urlFor('profile.update')), user).form({
      fullName: '   ',
    })

    assert.property(fieldErrors(response), 'fullName')
    await user.refresh()
    assert.equal(user.fullName, 'Ella Baker')
  })

  test('a wrong current password is a field error and changes nothing', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()

    const response = await asUser(client.put(urlFor('profile.update_password')), user).form({
      currentPassword: 'not my password',
      password: 'a brand new passphrase',
    })

    response.assertStatus(302)
    assert.deepEqual(fieldErrors(response), {
      currentPassword: ['The current password is not right'],
    })
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, CURRENT))
  })

  test('the right current password changes it', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await asUser(client.put(urlFor('profile.update_password')), user).form({
      currentPassword: CURRENT,
      password: 'a brand new passphrase',
    })

    response.assertFlashMessage('success', 'Your password is changed.')
    const reloaded = await User.findOrFail(user.id)
    assert.isTrue(await hash.verify(reloaded.password, 'a brand new passphrase'))
    assert.isFalse(await hash.verify(reloaded.password, CURRENT))
  })

  test('a new password shorter than 10 characters is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await asUser(client.put(urlFor('profile.update_password')), user).form({
      currentPassword: CURRENT,
      password: 'short',
    })

    assert.property(fieldErrors(response), 'password')
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, CURRENT))
  })

  test('signed-out visitors cannot change a password', async ({ client }) => {
    const response = await client
      .put(urlFor('profile.update_password'))
      .withCsrfToken()
      .redirects(0)
      .form({ currentPassword: CURRENT, password: 'a brand new passphrase' })
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})
