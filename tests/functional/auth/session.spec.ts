import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import { UserFactory } from '#database/factories/user_factory'
import { createMember } from '#tests/helpers/members'
import { asGuest, asUser } from '#tests/helpers/web'

const PASSWORD = 'password-for-tests'

function signIn(client: ApiClient, email: string, password: string) {
  return asGuest(client.post('/login')).form({ email, password })
}

test.group('Sign in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the right password signs in and opens the texter’s texting page', async ({ client }) => {
    const { user } = await createMember('texter')

    const response = await signIn(client, user.email.toUpperCase(), PASSWORD)

    response.assertStatus(302)
    response.assertHeader('location', '/texting')
    response.assertSession('auth_web', user.id)
  })

  test('a wrong password gives an error and no session', async ({ client }) => {
    const { user } = await createMember('texter')

    const response = await signIn(client, user.email, 'not the password')

    response.assertStatus(302)
    response.assertSessionMissing('auth_web')
    response.assertFlashMessage('error', 'That email and password do not match an account.')
  })

  test('an unknown email gets the same error', async ({ client }) => {
    const response = await signIn(client, 'nobody@example.org', PASSWORD)

    response.assertSessionMissing('auth_web')
    response.assertFlashMessage('error', 'That email and password do not match an account.')
  })

  test('the sixth attempt after five failures is refused, even with the right password', async ({
    client,
    assert,
  }) => {
    const { user } = await createMember('texter')
    for (let attempt = 1; attempt <= 5; attempt++) {
      const failed = await signIn(client, user.email, `wrong guess ${attempt}`)
      failed.assertFlashMessage('error', 'That email and password do not match an account.')
    }

    const response = await signIn(client, user.email, PASSWORD)

    response.assertStatus(302)
    response.assertSessionMissing('auth_web')
    assert.match(
      String(response.flashMessage('error')),
      /^Too many sign-in attempts\. Try again in \d+ minutes\.$/
    )
  })

  test('the lockout is per email, so others on the same network still sign in', async ({
    client,
  }) => {
    const { user: targeted } = await createMember('texter')
    const { user: colleague } = await createMember('texter')
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(client, targeted.email, `wrong guess ${attempt}`)
    }

    const response = await signIn(client, colleague.email, PASSWORD)

    response.assertSession('auth_web', colleague.id)
  })

  test('a successful sign-in forgets earlier failures', async ({ client }) => {
    const { user } = await createMember('texter')
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signIn(client, user.email, `wrong guess ${attempt}`)
    }
    const success = await signIn(client, user.email, PASSWORD)
    success.assertSession('auth_web', user.id)
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signIn(client, user.email, `wrong again ${attempt}`)
    }

    const response = await signIn(client, user.email, PASSWORD)

    response.assertSession('auth_web', user.id)
  })

  test('a signed-in user visiting the sign-in page is sent home', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await asUser(client.get('/login'), user)
    response.assertStatus(302)
    response.assertHeader('location', '/')
  })
})

test.group('Sign out', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('signing out ends the session', async ({ client }) => {
    const { user, organizationId } = await createMember('texter')

    const response = await asUser(client.post('/logout'), user, { organizationId })

    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertSessionMissing('auth_web')
    response.assertSessionMissing('organizationId')
  })

  test('pages for members send visitors to sign in', async ({ client }) => {
    const response = await client.get('/dashboard').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('a sign-out without the CSRF token is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client.post('/logout').loginAs(user).redirects(0)
    response.assertSession('auth_web', user.id)
    assert.property(response.flashMessage('errorsBag'), 'E_BAD_CSRF_TOKEN')
  })
})
