import { redisKey } from '#services/db/redis_keys'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import PasswordReset from '#models/password_reset'
import { hashResetToken } from '#services/auth/reset_tokens'
import { createMember } from '#tests/helpers/members'
import { CookieBrowser, useSessionStore } from '#tests/helpers/browser_session'
import { redisConnection } from '#services/db/redis_connection'
import { sessionsOf } from '#services/auth/sessions/user_sessions'
import { urlFor } from '@adonisjs/core/services/url_builder'

const PASSWORD = 'password-for-tests'
const NEW_PASSWORD = 'a brand new passphrase'

/** A browser signed in as `email`, and a thief's copy of its cookies. */
async function signedIn(email: string) {
  const browser = new CookieBrowser()
  const response = await browser.signIn(email, PASSWORD)
  // Signed in, a member is sent home: texters to their texting page, organizers to the overview.
  const home = response.headers.get('location')
  if (home !== '/texting' && home !== '/dashboard') throw new Error('sign-in failed')
  return { browser, stolen: browser.copy() }
}

/** Forgets what earlier runs left in Redis (it is not rolled back with the database). */
async function clearRedisSessions() {
  const redis = redisConnection()
  for (const pattern of [redisKey('session:*'), redisKey('user-sessions:*')]) {
    const keys = await redis.keys(pattern)
    if (keys.length) await redis.del(...keys)
  }
}

/** The data of every stored session (each test starts with none). */
async function storedSessionData(store: 'database' | 'redis') {
  if (store === 'database') {
    const rows = await db.from('sessions').select('data')
    return rows.map((row) => String(row.data))
  }
  const redis = redisConnection()
  const keys = await redis.keys(redisKey('session:*'))
  return Promise.all(keys.map(async (key) => String(await redis.hget(key, 'data'))))
}

for (const store of ['database', 'redis'] as const) {
  test.group(`Sessions in the ${store} store | a copied cookie stops working`, (group) => {
    group.each.setup(() => testUtils.db().withGlobalTransaction())
    group.each.setup(() => useSessionStore(store))
    if (store === 'redis') group.each.setup(() => clearRedisSessions())

    test('after signing out', async ({ assert }) => {
      const { user } = await createMember('texter')
      const { browser, stolen } = await signedIn(user.email)
      assert.isTrue(await stolen.isSignedIn())

      const response = await browser.submit('POST', urlFor('session.destroy'))

      assert.equal(response.headers.get('location'), '/login')
      assert.isFalse(await browser.isSignedIn())
      assert.isFalse(await stolen.isSignedIn())
      // The browser got a new session id: the old one is not reused by anyone.
      assert.notEqual(browser.cookie('porchlight-session'), stolen.cookie('porchlight-session'))
    })

    test('after a password change, everywhere but where it was changed', async ({ assert }) => {
      const { user } = await createMember('texter')
      const laptop = await signedIn(user.email)
      const phone = await signedIn(user.email)

      const response = await laptop.browser.submit('PUT', urlFor('profile.update_password'), {
        currentPassword: PASSWORD,
        password: NEW_PASSWORD,
      })

      assert.equal(response.status, 302)
      assert.isTrue(await laptop.browser.isSignedIn())
      assert.isFalse(await laptop.stolen.isSignedIn())
      assert.isFalse(await phone.browser.isSignedIn())
      assert.isFalse(await phone.stolen.isSignedIn())
      assert.lengthOf(await sessionsOf(user.id), 1)
    })

    test('after a password reset', async ({ assert }) => {
      const { user } = await createMember('texter')
      const { stolen } = await signedIn(user.email)
      const token = randomBytes(32).toString('base64url')
      await PasswordReset.create({
        userId: user.id,
        tokenHash: hashResetToken(token),
        expiresAt: DateTime.now().plus({ hours: 1 }),
        usedAt: null,
      })

      const response = await new CookieBrowser().submit('POST', urlFor('password_resets.update'), {
        token,
        password: NEW_PASSWORD,
      })

      assert.equal(response.headers.get('location'), '/login')
      assert.isFalse(await stolen.isSignedIn())
      assert.lengthOf(await sessionsOf(user.id), 0)
    })

    test('after a suspension', async ({ assert }) => {
      const owner = await createMember('owner')
      const member = await createMember('supervisor', { organization: owner.organization })
      const { browser: ownerBrowser } = await signedIn(owner.user.email)
      const { stolen } = await signedIn(member.user.email)

      const response = await ownerBrowser.submit(
        'PUT',
        urlFor('members.update_status', { id: member.id }),
        {
          status: 'suspended',
        }
      )

      assert.equal(response.status, 302)
      assert.isFalse(await stolen.isSignedIn())
      assert.isTrue(await ownerBrowser.isSignedIn())
    })

    test('after a removal', async ({ assert }) => {
      const owner = await createMember('owner')
      const member = await createMember('texter', { organization: owner.organization })
      const { browser: ownerBrowser } = await signedIn(owner.user.email)
      const { stolen } = await signedIn(member.user.email)

      const response = await ownerBrowser.submit(
        'DELETE',
        urlFor('members.destroy', { id: member.id })
      )

      assert.equal(response.status, 302)
      assert.isFalse(await stolen.isSignedIn())
    })

    test('each session records who, since when, from where and which browser', async ({
      assert,
    }) => {
      const { user } = await createMember('texter')
      const before = Date.now() - 1000
      await signedIn(user.email)
      await signedIn(user.email)

      const sessions = await sessionsOf(user.id)

      assert.lengthOf(sessions, 2)
      for (const session of sessions) {
        assert.equal(session.userId, user.id)
        assert.match(String(session.ipAddress), /127\.0\.0\.1|::1/)
        assert.equal(session.userAgent, 'Porchlight test browser')
        assert.isAtLeast(session.createdAt.getTime(), before - 1000)
        assert.isAtLeast(session.lastSeenAt.getTime(), session.createdAt.getTime())
        assert.isAbove(session.expiresAt.getTime(), Date.now() + 11 * 3600_000)
      }
    })

    test('a huge form field is not kept in the session or its cookie', async ({ assert }) => {
      const browser = new CookieBrowser()
      await browser.get(urlFor('session.create'))

      const response = await browser.request('POST', urlFor('session.store'), {
        email: `${'a'.repeat(50_000)}@example.org`,
        password: 'whatever',
      })

      assert.equal(response.status, 302)
      assert.isBelow(browser.cookieHeader.length, 1000)
      const stored = await storedSessionData(store)
      assert.lengthOf(stored, 1)
      // The error is kept for the form; the 50 KB value is not.
      assert.include(stored[0], 'inputErrorsBag')
      assert.isBelow(stored[0].length, 2000)
    })
  })
}
