import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import env from '#start/env'
import mail from '@adonisjs/mail/services/main'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import User from '#models/user'
import PasswordReset from '#models/password_reset'
import { hashResetToken } from '#services/auth/reset_tokens'
import { UserFactory } from '#database/factories/user_factory'
import { recordLoggedLinks } from '#tests/helpers/mail'
import { inertiaPage } from '#tests/helpers/inertia'
import { asGuest, fieldErrors } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

const NEW_PASSWORD = 'a brand new passphrase'
const REFUSED = 'This reset link has expired or was already used. Ask for a new one.'

function requestReset(client: ApiClient, email: string) {
  return asGuest(client.post(urlFor('password_resets.store'))).form({ email })
}

function resetPassword(client: ApiClient, token: string, password = NEW_PASSWORD) {
  return asGuest(client.post(urlFor('password_resets.update'))).form({ token, password })
}

function tokenOf(link: string) {
  return new URL(link).pathname.replace('/reset-password/', '')
}

async function canSignIn(email: string, password: string) {
  return User.verifyCredentials(email, password).then(
    () => true,
    () => false
  )
}

test.group('Password reset', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  // On MySQL the counters have their own connection, outside the test's
  // transaction, so they are cleared; on SQLite the rollback takes them.
  group.each.setup(async () => {
    if (env.get('DB_CONNECTION', 'sqlite') === 'mysql') await limiter.clear()
  })
  let mailer: ReturnType<typeof recordLoggedLinks>
  group.each.setup(() => {
    mailer = recordLoggedLinks()
    return () => mailer.restore()
  })

  /** Asks for a link for `user` and returns its token, read from the log. */
  async function linkFor(client: ApiClient, user: User) {
    await requestReset(client, user.email)
    const sent = mailer.links.filter((l) => l.to === user.email)
    return tokenOf(sent[sent.length - 1].link)
  }

  test('a fourth request for the same address within 15 minutes sends nothing', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    for (let i = 0; i < 3; i++) await requestReset(client, user.email)

    const fourth = await requestReset(client, user.email)

    assert.match(
      String(fourth.flashMessage('error')),
      /^Too many reset requests\. Try again in \d+ minutes?\.$/
    )
    assert.lengthOf(
      mailer.links.filter((l) => l.to === user.email),
      3
    )
  })

  test('behind a proxy, made-up X-Forwarded-For hops do not lift the limit per address', async ({
    client,
    assert,
  }) => {
    const users = await UserFactory.createMany(31)
    // nginx appends the address it saw (203.0.113.60) to what the client claimed.
    const fromOneAddress = (user: User, index: number) =>
      requestReset(client, user.email).header('X-Forwarded-For', `10.2.${index}.1, 203.0.113.60`)
    for (const [index, user] of users.slice(0, 30).entries()) {
      const answer = await fromOneAddress(user, index)
      answer.assertFlashMessage(
        'success',
        'If that address has an account, a reset link is on its way.'
      )
    }

    const refused = await fromOneAddress(users[30], 30)

    assert.match(
      String(refused.flashMessage('error')),
      /^Too many reset requests\. Try again in \d+ minutes?\.$/
    )
    assert.lengthOf(mailer.links, 30)
  })

  test('known and unknown addresses get the same answer', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const known = await requestReset(client, user.email)
    const unknown = await requestReset(client, 'nobody@example.org')

    for (const response of [known, unknown]) {
      response.assertStatus(302)
      response.assertFlashMessage(
        'success',
        'If that address has an account, a reset link is on its way.'
      )
    }
    assert.equal(known.header('location'), unknown.header('location'))
    assert.deepEqual(
      mailer.links.map((l) => l.to),
      [user.email]
    )
    assert.lengthOf(await PasswordReset.query().where('user_id', user.id), 1)
  })

  test('the link is logged with the subject when no SMTP server is set', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    await requestReset(client, user.email)

    assert.lengthOf(mailer.links, 1)
    assert.equal(mailer.links[0].subject.split(' (')[0], 'Reset your Porchlight password')
    assert.match(mailer.links[0].link, /^http:\/\/[^/]+\/reset-password\/[\w-]{40,}$/)
  })

  test('the link sets a new password once', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await linkFor(client, user)

    const page = await client.get(urlFor('password_resets.edit', { token }))
    assert.deepInclude(inertiaPage(page), { component: 'auth/reset_password' })
    assert.isTrue(inertiaPage(page).props.usable)

    const response = await resetPassword(client, token)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertFlashMessage('success', 'Your password is changed. Sign in with the new one.')
    assert.isTrue(await canSignIn(user.email, NEW_PASSWORD))
    assert.isFalse(await canSignIn(user.email, 'password-for-tests'))

    const replay = await resetPassword(client, token, 'someone else’s password')
    replay.assertFlashMessage('error', REFUSED)
    assert.isTrue(await canSignIn(user.email, NEW_PASSWORD))
    assert.isFalse(
      inertiaPage(await client.get(urlFor('password_resets.edit', { token }))).props.usable
    )
  })

  test('a link used twice at the same moment sets one password', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await linkFor(client, user)

    const responses = await Promise.all([
      resetPassword(client, token, 'the first passphrase'),
      resetPassword(client, token, 'the second passphrase'),
    ])

    const outcomes = responses.map((r) =>
      r.flashMessage('success') ? 'changed' : r.flashMessage('error')
    )
    assert.sameMembers(outcomes, ['changed', REFUSED])
    const winner = outcomes[0] === 'changed' ? 'the first passphrase' : 'the second passphrase'
    assert.isTrue(await canSignIn(user.email, winner))
  })

  test('an expired link is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await linkFor(client, user)
    await PasswordReset.query()
      .where('token_hash', hashResetToken(token))
      .update({ expires_at: DateTime.now().minus({ minutes: 1 }).toSQL({ includeOffset: false }) })

    assert.isFalse(
      inertiaPage(await client.get(urlFor('password_resets.edit', { token }))).props.usable
    )
    const response = await resetPassword(client, token)

    response.assertFlashMessage('error', REFUSED)
    assert.isTrue(await canSignIn(user.email, 'password-for-tests'))
  })

  test('an unknown token is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await resetPassword(client, 'made-up-token')
    response.assertFlashMessage('error', REFUSED)
    assert.isTrue(await canSignIn(user.email, 'password-for-tests'))
  })

  test('using one link kills the other outstanding links', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const first = await linkFor(client, user)
    const second = await linkFor(client, user)
    assert.notEqual(first, second)

    await resetPassword(client, second)
    const response = await resetPassword(client, first, 'yet another passphrase')

    response.assertFlashMessage('error', REFUSED)
    assert.isTrue(await canSignIn(user.email, NEW_PASSWORD))
  })

  test('a link does not reset anyone else’s password', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const other = await UserFactory.create()
    const token = await linkFor(client, user)

    await resetPassword(client, token)

    assert.isTrue(await canSignIn(other.email, 'password-for-tests'))
  })

  test('a too short password is refused and the link stays usable', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const token = await linkFor(client, user)

    const response = await resetPassword(client, token, 'short')

    assert.property(fieldErrors(response), 'password')
    assert.isTrue(
      inertiaPage(await client.get(urlFor('password_resets.edit', { token }))).props.usable
    )
    assert.isTrue(await canSignIn(user.email, 'password-for-tests'))
  })
})

test.group('Password reset | with SMTP configured', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  let fake: ReturnType<typeof mail.fake>
  group.each.setup(() => {
    const smtpHost = env.get('SMTP_HOST')
    env.set('SMTP_HOST', 'smtp.example.org')
    fake = mail.fake()
    return () => {
      mail.restore()
      env.set('SMTP_HOST', smtpHost ?? '')
    }
  })

  test('the link is emailed and works', async ({ client, assert }) => {
    const user = await UserFactory.create()

    await requestReset(client, user.email)

    const [message] = fake.messages.sent()
    assert.exists(message, 'a reset email was sent')
    message.assertTo(user.email)
    message.assertSubject('Reset your Porchlight password')
    const link = String(message.toJSON().message.text).match(/https?:\/\/\S+\/reset-password\/\S+/)
    assert.exists(link, 'the email holds the reset link')
    message.assertHtmlIncludes(link![0])

    await resetPassword(client, tokenOf(link![0]))
    assert.isTrue(await canSignIn(user.email, NEW_PASSWORD))
  })
})
