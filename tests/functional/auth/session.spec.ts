import { test } from '@japa/runner'
import env from '#start/env'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import { UserFactory } from '#database/factories/user_factory'
import { createMember } from '#tests/helpers/members'
import { asGuest, asUser } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

const PASSWORD = 'password-for-tests'

function signIn(client: ApiClient, email: string, password: string) {
  return asGuest(client.post(urlFor('session.store'))).form({ email, password })
}

const TOO_MANY = /^Too many sign-in attempts\. Try again in \d+ minutes?\.$/

/**
 * A sign-in through a reverse proxy: nginx's `$proxy_add_x_forwarded_for`
 * appends the address it saw (`from`) to whatever X-Forwarded-For the
 * client sent (`claimed`). The tests run with TRUST_PROXY=true (.env.test).
 */
function signInThroughProxy(
  client: ApiClient,
  {
    email,
    password,
    from,
    claimed,
  }: { email: string; password: string; from: string; claimed: string }
) {
  return signIn(client, email, password).header('X-Forwarded-For', `${claimed}, ${from}`)
}

/** Counters on MySQL have their own connection, outside the test's transaction. */
function clearCountersOnMysql() {
  if (env.get('DB_CONNECTION', 'sqlite') === 'mysql') return limiter.clear()
}

test.group('Sign in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearCountersOnMysql())

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
    assert.match(String(response.flashMessage('error')), TOO_MANY)

    const inSpanish = await signIn(client, user.email, PASSWORD).header('Accept-Language', 'es')
    assert.match(
      String(inSpanish.flashMessage('error')),
      /^Demasiados intentos de inicio de sesión\. Vuelve a intentarlo en \d+ minutos?\.$/
    )
  })

  test('behind a proxy, a made-up first X-Forwarded-For hop does not reset the count', async ({
    client,
    assert,
  }) => {
    const { user } = await createMember('texter')
    const from = '203.0.113.50'
    for (let attempt = 1; attempt <= 5; attempt++) {
      const failed = await signInThroughProxy(client, {
        email: user.email,
        password: `wrong guess ${attempt}`,
        from,
        claimed: `10.0.${attempt}.1`,
      })
      failed.assertFlashMessage('error', 'That email and password do not match an account.')
    }

    const response = await signInThroughProxy(client, {
      email: user.email,
      password: PASSWORD,
      from,
      claimed: '10.0.99.1',
    })

    response.assertSessionMissing('auth_web')
    assert.match(String(response.flashMessage('error')), TOO_MANY)
  })

  test('trying many accounts from one address is stopped too', async ({ client, assert }) => {
    const { user } = await createMember('texter')
    const from = '203.0.113.51'
    for (let attempt = 1; attempt <= 30; attempt++) {
      const failed = await signInThroughProxy(client, {
        email: `someone${attempt}@example.org`,
        password: 'password123',
        from,
        claimed: `10.1.${attempt}.1`,
      })
      failed.assertFlashMessage('error', 'That email and password do not match an account.')
    }

    const blocked = await signInThroughProxy(client, {
      email: user.email,
      password: PASSWORD,
      from,
      claimed: '10.1.99.1',
    })
    blocked.assertSessionMissing('auth_web')
    assert.match(String(blocked.flashMessage('error')), TOO_MANY)

    // Someone elsewhere is not affected.
    const elsewhere = await signInThroughProxy(client, {
      email: user.email,
      password: PASSWORD,
      from: '203.0.113.52',
      claimed: '10.1.99.1',
    })
    elsewhere.assertSession('auth_web', user.id)
  })

  test('a script asking for JSON is told 429 with the wait', async ({ client, assert }) => {
    const { user } = await createMember('texter')
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(client, user.email, `wrong guess ${attempt}`)
    }

    const response = await signIn(client, user.email, PASSWORD).header('Accept', 'application/json')

    response.assertStatus(429)
    assert.match(String(response.header('retry-after')), /^\d+$/)
    assert.match(response.body().errors[0].message, TOO_MANY)
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
    const response = await asUser(client.get(urlFor('session.create')), user)
    response.assertStatus(302)
    response.assertHeader('location', '/')
  })
})

test.group('Sign out', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('signing out ends the session', async ({ client }) => {
    const { user, organizationId } = await createMember('texter')

    const response = await asUser(client.post(urlFor('session.destroy')), user, { organizationId })

    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertSessionMissing('auth_web')
    response.assertSessionMissing('organizationId')
  })

  test('pages for members send visitors to sign in', async ({ client }) => {
    const response = await client.get(urlFor('dashboard')).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('a sign-out without the CSRF token is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client.post(urlFor('session.destroy')).loginAs(user).redirects(0)
    response.assertSession('auth_web', user.id)
    assert.property(response.flashMessage('errorsBag'), 'E_BAD_CSRF_TOKEN')
  })
})
