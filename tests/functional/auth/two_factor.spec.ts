import { test } from '@japa/runner'
import { Secret, TOTP } from 'otpauth'
import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type User from '#models/user'
import { clock } from '#services/clock'
import StartEnrolment from '#actions/auth/two_factor/start_enrolment'
import ConfirmEnrolment from '#actions/auth/two_factor/confirm_enrolment'
import ListSessions from '#actions/auth/sessions/list_sessions'
import { createMember, apiTokenFor } from '#tests/helpers/members'
import { asMember, asUser, fieldErrors } from '#tests/helpers/web'
import { CookieBrowser, useSessionStore } from '#tests/helpers/browser_session'
import { restoreCommandOutput, runCommand } from '#tests/helpers/commands'

const PASSWORD = 'password-for-tests'

/** The code an authenticator app with `secret` shows now (by the app's clock). */
function codeFor(secret: string) {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: clock.now().getTime(),
  })
}

/** A code that is not the right one now (nor one step either side). */
function wrongCodeFor(secret: string) {
  const right = new Set(
    [-30_000, 0, 30_000].map((shift) =>
      new TOTP({ secret: Secret.fromBase32(secret) }).generate({
        timestamp: clock.now().getTime() + shift,
      })
    )
  )
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0')
    if (!right.has(code)) return code
  }
}

/**
 * `user` with two-factor on; returns their secret and recovery codes. The
 * clock then moves to the next 30 seconds: the code used to enrol is spent.
 */
async function enrolled(user: User) {
  await StartEnrolment.handle(user)
  const codes = await ConfirmEnrolment.handle(user, codeFor(user.twoFactorSecret!))
  clock.travel(30_000)
  return { secret: user.twoFactorSecret!, codes }
}

async function auditActions(userId: number) {
  const rows = await db
    .from('audit_events')
    .where('subject_type', 'user')
    .where('subject_id', userId)
    .select('action')
  return rows.map((row) => row.action as string)
}

/** Counters on MySQL have their own connection, outside the test's transaction. */
function clearCountersOnMysql() {
  if (env.get('DB_CONNECTION', 'sqlite') === 'mysql') return limiter.clear()
}

test.group('Two-factor | enrolment', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('a wrong code is refused and the right one turns it on', async ({ client, assert }) => {
    const { user } = await createMember('texter')
    await asUser(client.post(urlFor('two_factor.store')), user)
    await user.refresh()
    assert.isString(user.twoFactorSecret)
    assert.isFalse(user.hasTwoFactor)
    // Encrypted at rest.
    const stored = await db.from('users').where('id', user.id).select('two_factor_secret').first()
    assert.notInclude(String(stored.two_factor_secret), user.twoFactorSecret!)

    const wrong = await asUser(client.post(urlFor('two_factor.confirm')), user).form({
      code: wrongCodeFor(user.twoFactorSecret!),
    })
    assert.property(fieldErrors(wrong), 'code')
    await user.refresh()
    assert.isFalse(user.hasTwoFactor)

    const right = await asUser(client.post(urlFor('two_factor.confirm')), user).form({
      code: codeFor(user.twoFactorSecret!),
    })
    assert.equal(right.header('location'), urlFor('two_factor.show'))
    assert.lengthOf(right.flashMessage('recoveryCodes') as unknown as string[], 10)
    await user.refresh()
    assert.isTrue(user.hasTwoFactor)
    const hashes = await db.from('two_factor_recovery_codes').where('user_id', user.id)
    assert.lengthOf(hashes, 10)
    const shown = right.flashMessage('recoveryCodes') as unknown as string[]
    assert.notInclude(
      hashes.map((row) => row.code_hash),
      shown[0]
    )
    assert.include(await auditActions(user.id), 'auth.two_factor_enabled')
  })

  test('turning it off needs the password', async ({ client, assert }) => {
    const { user } = await createMember('texter')
    await enrolled(user)

    const wrong = await asUser(client.delete(urlFor('two_factor.destroy')), user).form({
      password: 'not the password',
    })
    assert.property(fieldErrors(wrong), 'password')
    await user.refresh()
    assert.isTrue(user.hasTwoFactor)

    await asUser(client.delete(urlFor('two_factor.destroy')), user).form({ password: PASSWORD })
    await user.refresh()
    assert.isFalse(user.hasTwoFactor)
    assert.isNull(user.twoFactorSecret)
    assert.lengthOf(await db.from('two_factor_recovery_codes').where('user_id', user.id), 0)
    assert.include(await auditActions(user.id), 'auth.two_factor_disabled')
  })

  test('making new recovery codes replaces the old ones', async ({ client, assert }) => {
    const { user } = await createMember('texter')
    const { codes } = await enrolled(user)

    const response = await asUser(client.post(urlFor('two_factor.regenerate')), user)
    const fresh = response.flashMessage('recoveryCodes') as unknown as string[]
    assert.lengthOf(fresh, 10)
    assert.notInclude(fresh, codes[0])
    assert.lengthOf(await db.from('two_factor_recovery_codes').where('user_id', user.id), 10)
    assert.include(await auditActions(user.id), 'auth.recovery_codes_regenerated')
  })
})

test.group('Two-factor | users:reset-two-factor', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())
  group.teardown(restoreCommandOutput)

  test('the operator turns it off for someone locked out', async ({ assert }) => {
    const { user } = await createMember('texter')
    await enrolled(user)

    const result = await runCommand('users:reset-two-factor', ['--email', user.email])

    assert.equal(result.exitCode, 0)
    await user.refresh()
    assert.isFalse(user.hasTwoFactor)
    assert.lengthOf(await db.from('two_factor_recovery_codes').where('user_id', user.id), 0)
    assert.include(await auditActions(user.id), 'auth.two_factor_disabled')

    const unknown = await runCommand('users:reset-two-factor', ['--email', 'nobody@example.org'])
    assert.equal(unknown.exitCode, 1)
  })
})

test.group('Two-factor | signing in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearCountersOnMysql())
  group.each.setup(() => useSessionStore('database'))
  group.each.teardown(() => clock.reset())

  test('after the password, the code is asked before anyone is signed in', async ({ assert }) => {
    const { user } = await createMember('texter')
    const { secret } = await enrolled(user)
    const browser = new CookieBrowser()

    const password = await browser.signIn(user.email, PASSWORD)
    assert.equal(password.headers.get('location'), urlFor('two_factor_challenge.create'))
    assert.isFalse(await browser.isSignedIn())
    const challenge = await browser.get(urlFor('two_factor_challenge.create'))
    assert.equal(challenge.status, 200)

    const code = await browser.submit('POST', urlFor('two_factor_challenge.store'), {
      code: codeFor(secret),
    })
    assert.equal(code.headers.get('location'), '/texting')
    assert.isTrue(await browser.isSignedIn())
    assert.include(await auditActions(user.id), 'auth.signed_in')
  })

  test('an authenticator code works once', async ({ assert }) => {
    const { user } = await createMember('texter')
    const { secret } = await enrolled(user)
    const code = codeFor(secret)

    const first = new CookieBrowser()
    await first.signIn(user.email, PASSWORD)
    await first.submit('POST', urlFor('two_factor_challenge.store'), { code })
    assert.isTrue(await first.isSignedIn())

    const replayed = new CookieBrowser()
    await replayed.signIn(user.email, PASSWORD)
    await replayed.submit('POST', urlFor('two_factor_challenge.store'), { code })
    assert.isFalse(await replayed.isSignedIn())
  })

  test('the code step expires after a few minutes', async ({ assert }) => {
    const { user } = await createMember('texter')
    const { secret } = await enrolled(user)
    const browser = new CookieBrowser()
    await browser.signIn(user.email, PASSWORD)

    clock.travel(6 * 60_000)
    const code = await browser.submit('POST', urlFor('two_factor_challenge.store'), {
      code: codeFor(secret),
    })
    assert.equal(code.headers.get('location'), urlFor('session.create'))
    assert.isFalse(await browser.isSignedIn())
  })

  test('wrong codes are refused and counted: at the limit even the right code is refused', async ({
    assert,
  }) => {
    const { user } = await createMember('texter')
    const { secret } = await enrolled(user)
    const browser = new CookieBrowser()
    await browser.signIn(user.email, PASSWORD)

    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await browser.submit('POST', urlFor('two_factor_challenge.store'), {
        code: wrongCodeFor(secret),
      })
      assert.equal(wrong.headers.get('location'), urlFor('two_factor_challenge.create'))
      assert.isFalse(await browser.isSignedIn())
    }
    const actions = await auditActions(user.id)
    const failures = actions.filter((action) => action === 'auth.two_factor_failed')
    assert.lengthOf(failures, 5)

    // A right password again buys no more guesses.
    await browser.signIn(user.email, PASSWORD)
    const refused = await browser.submit('POST', urlFor('two_factor_challenge.store'), {
      code: codeFor(secret),
    })
    assert.equal(refused.status, 302)
    assert.equal(refused.headers.get('retry-after') !== null, true)
    assert.isFalse(await browser.isSignedIn())
  })

  test('a recovery code signs in once', async ({ assert }) => {
    const { user } = await createMember('texter')
    const { codes } = await enrolled(user)

    const first = new CookieBrowser()
    await first.signIn(user.email, PASSWORD)
    await first.submit('POST', urlFor('two_factor_challenge.store'), {
      code: codes[0].toUpperCase(),
    })
    assert.isTrue(await first.isSignedIn())

    const second = new CookieBrowser()
    await second.signIn(user.email, PASSWORD)
    const reused = await second.submit('POST', urlFor('two_factor_challenge.store'), {
      code: codes[0],
    })
    assert.equal(reused.headers.get('location'), urlFor('two_factor_challenge.create'))
    assert.isFalse(await second.isSignedIn())
  })
})

test.group('Two-factor | organization requirement', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('an admin without two-factor is sent to set it up; a texter is not', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const texter = await createMember('texter', { organization: admin.organization })
    const token = await apiTokenFor(admin)

    const turnedOn = await client
      .patch('/api/v1/organization')
      .bearerToken(token)
      .json({ settings: { requireTwoFactor: true } })
    turnedOn.assertStatus(200)
    assert.isTrue(turnedOn.body().settings.requireTwoFactor)

    const adminHome = await asMember(client.get(urlFor('dashboard')), admin)
    assert.equal(adminHome.header('location'), urlFor('two_factor.show'))
    const setUp = await asMember(client.get(urlFor('two_factor.show')), admin)
    setUp.assertStatus(200)

    const texterHome = await asMember(client.get(urlFor('texting.index')), texter)
    texterHome.assertStatus(200)

    // API tokens are unaffected.
    const byToken = await client.get('/api/v1/organization').bearerToken(token)
    byToken.assertStatus(200)

    await enrolled(admin.user)
    const enrolledHome = await asMember(client.get(urlFor('dashboard')), admin)
    enrolledHome.assertStatus(200)
  })
})

test.group('Sessions page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearCountersOnMysql())
  group.each.setup(() => useSessionStore('database'))

  /** Signs a new browser in as `email`; returns it and its session's handle. */
  async function signedIn(userId: number, email: string) {
    const earlier = await ListSessions.handle(userId, '')
    const before = new Set(earlier.map((s) => s.handle))
    const browser = new CookieBrowser()
    await browser.signIn(email, PASSWORD)
    const now = await ListSessions.handle(userId, '')
    const added = now.find((s) => !before.has(s.handle))!
    return { browser, handle: added.handle }
  }

  test('lists the browsers and signs one out', async ({ assert }) => {
    const { user } = await createMember('texter')
    const other = await createMember('texter')
    const laptop = await signedIn(user.id, user.email)
    const phone = await signedIn(user.id, user.email)
    const stranger = await signedIn(other.user.id, other.user.email)

    const listed = await ListSessions.handle(user.id, '')
    assert.lengthOf(listed, 2)
    assert.equal(listed[0].device, 'Porchlight test browser')
    const page = await laptop.browser.get(urlFor('account_sessions.index'))
    assert.equal(page.status, 200)

    // Someone else's session is not found.
    const notMine = await laptop.browser.submit(
      'DELETE',
      urlFor('account_sessions.destroy', { handle: stranger.handle })
    )
    assert.equal(notMine.status, 404)
    assert.isTrue(await stranger.browser.isSignedIn())

    const response = await laptop.browser.submit(
      'DELETE',
      urlFor('account_sessions.destroy', { handle: phone.handle })
    )
    assert.equal(response.headers.get('location'), urlFor('account_sessions.index'))
    assert.isFalse(await phone.browser.isSignedIn())
    assert.isTrue(await laptop.browser.isSignedIn())
    assert.include(await auditActions(user.id), 'auth.session_revoked')
  })

  test('signs out everywhere else', async ({ assert }) => {
    const { user } = await createMember('texter')
    const laptop = await signedIn(user.id, user.email)
    const phone = await signedIn(user.id, user.email)
    const tablet = await signedIn(user.id, user.email)

    await laptop.browser.submit('DELETE', urlFor('account_sessions.destroy_others'))

    assert.isTrue(await laptop.browser.isSignedIn())
    assert.isFalse(await phone.browser.isSignedIn())
    assert.isFalse(await tablet.browser.isSignedIn())
    assert.lengthOf(await ListSessions.handle(user.id, ''), 1)
  })

  test('a password change signs out the other browsers', async ({ assert }) => {
    const { user } = await createMember('texter')
    const laptop = await signedIn(user.id, user.email)
    const phone = await signedIn(user.id, user.email)

    await laptop.browser.submit('PUT', urlFor('profile.update_password'), {
      currentPassword: PASSWORD,
      password: 'a brand new passphrase',
    })

    assert.isTrue(await laptop.browser.isSignedIn())
    assert.isFalse(await phone.browser.isSignedIn())
  })
})
