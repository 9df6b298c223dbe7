import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import env from '#start/env'
import mail from '@adonisjs/mail/services/main'
import limiter from '@adonisjs/limiter/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import AuditEvent from '#models/audit_event'
import type Invite from '#models/invite'
import Membership from '#models/membership'
import User from '#models/user'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { UserFactory } from '#database/factories/user_factory'
import { createMember } from '#tests/helpers/members'
import { createInvite } from '#tests/helpers/invites'
import { inertiaPage } from '#tests/helpers/inertia'
import { asGuest, asMember, asUser, fieldErrors } from '#tests/helpers/web'
import { appUrl } from '#config/app'
import { urlFor } from '@adonisjs/core/services/url_builder'

const PASSWORD = 'a volunteer passphrase'

function joinAsNewAccount(client: ApiClient, invite: Invite, email = 'new.volunteer@example.org') {
  return asGuest(client.post(urlFor('join.store', { token: invite.token }))).form({
    fullName: 'New Volunteer',
    email,
    password: PASSWORD,
  })
}

async function userCount() {
  const row = await User.query().count('* as total').first()
  return Number(row!.$extras.total)
}

async function membersOf(organizationId: number) {
  return Membership.query().where('organization_id', organizationId).preload('user').orderBy('id')
}

test.group('Join | the link page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('names the organization and the role', async ({ client, assert }) => {
    const organization = await OrganizationFactory.merge({ name: 'Eastside Mutual Aid' }).create()
    const invite = await createInvite(organization, { role: 'supervisor' })

    const response = await client.get(urlFor('join.show', { token: invite.token }))

    response.assertStatus(200)
    assert.deepInclude(inertiaPage(response), { component: 'join' })
    assert.deepInclude(inertiaPage(response).props, {
      organizationName: 'Eastside Mutual Aid',
      role: 'supervisor',
      problem: null,
      signedInAs: null,
    })
  })

  test('tells a signed-in visitor which account will join', async ({ client, assert }) => {
    const invite = await createInvite(await OrganizationFactory.create())
    const user = await UserFactory.create()

    const response = await asUser(client.get(urlFor('join.show', { token: invite.token })), user)

    assert.equal(inertiaPage(response).props.signedInAs, user.email)
  })

  test('says when a link does not exist', async ({ client, assert }) => {
    const response = await client.get('/join/no-such-token')
    assert.deepInclude(inertiaPage(response).props, {
      problem: 'not found',
      organizationName: null,
    })
  })
})

test.group('Join | unusable links', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const unusable: [string, Partial<Invite>][] = [
    ['expired', { expiresAt: DateTime.now().minus({ minutes: 1 }) }],
    ['used up', { maxUses: 3, uses: 3 }],
    ['revoked', { revokedAt: DateTime.now().minus({ hours: 1 }) }],
  ]

  for (const [reason, state] of unusable) {
    test(`a ${reason} link says so and creates nothing`, async ({ client, assert }) => {
      const organization = await OrganizationFactory.create()
      const invite = await createInvite(organization, state)
      const users = await userCount()

      const page = await client.get(urlFor('join.show', { token: invite.token }))
      assert.equal(inertiaPage(page).props.problem, reason)

      const response = await joinAsNewAccount(client, invite)

      response.assertStatus(302)
      response.assertFlashMessage(
        'error',
        `This invite link is ${reason}. Ask the organizer for a new one.`
      )
      response.assertSessionMissing('auth_web')
      assert.equal(await userCount(), users)
      assert.lengthOf(await membersOf(organization.id), 0)
      const { uses } = await invite.refresh()
      assert.equal(uses, state.uses ?? 0)
    })
  }

  test('a signed-in user cannot join through a revoked link', async ({ client, assert }) => {
    const organization = await OrganizationFactory.create()
    const invite = await createInvite(organization, { revokedAt: DateTime.now() })
    const user = await UserFactory.create()

    const response = await asUser(client.post(urlFor('join.store', { token: invite.token })), user)

    response.assertFlashMessage(
      'error',
      'This invite link is revoked. Ask the organizer for a new one.'
    )
    assert.lengthOf(await membersOf(organization.id), 0)
  })

  test('a made-up link is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()

    const response = await asUser(client.post('/join/no-such-token'), user)

    response.assertFlashMessage('error', 'This invite link does not exist')
    assert.lengthOf(await Membership.query().where('user_id', user.id), 0)
  })
})

test.group('Join | joining', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a new volunteer makes an account, joins and is signed in', async ({ client, assert }) => {
    const organization = await OrganizationFactory.create()
    const invite = await createInvite(organization, { role: 'supervisor' })

    const response = await joinAsNewAccount(client, invite, ' New.Volunteer@Example.org')

    response.assertStatus(302)
    response.assertHeader('location', '/dashboard')
    response.assertFlashMessage('success', 'Welcome aboard.')
    const [membership] = await membersOf(organization.id)
    assert.equal(membership.user.email, 'new.volunteer@example.org')
    assert.equal(membership.user.fullName, 'New Volunteer')
    assert.equal(membership.role, 'supervisor')
    assert.equal(membership.status, 'active')
    assert.isTrue(await membership.user.verifyPassword(PASSWORD))
    response.assertSession('auth_web', membership.userId)
    response.assertSession('organizationId', organization.id)
    await invite.refresh()
    assert.equal(invite.uses, 1)
    const audit = await AuditEvent.query().where('action', 'member.joined').firstOrFail()
    assert.deepEqual(audit.details, { role: 'supervisor', status: 'active', inviteId: invite.id })
  })

  test('a signed-in user joins with their account', async ({ client, assert }) => {
    const member = await createMember('owner')
    const organization = await OrganizationFactory.create()
    const invite = await createInvite(organization)
    const users = await userCount()

    const response = await asMember(
      client.post(urlFor('join.store', { token: invite.token })),
      member
    )

    response.assertHeader('location', '/texting')
    response.assertSession('organizationId', organization.id)
    assert.equal(await userCount(), users)
    const [membership] = await membersOf(organization.id)
    assert.equal(membership.userId, member.userId)
    assert.equal(membership.role, 'texter')
  })

  test('someone already in the organization cannot join again', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const invite = await createInvite(admin.organization, { role: 'texter' })

    const response = await asMember(
      client.post(urlFor('join.store', { token: invite.token })),
      admin
    )

    response.assertFlashMessage('error', 'You are already a member of this organization')
    const members = await membersOf(admin.organizationId)
    assert.lengthOf(members, 1)
    assert.equal(members[0].role, 'admin')
    await invite.refresh()
    assert.equal(invite.uses, 0)
  })

  test('a new account cannot take an email that is already registered', async ({
    client,
    assert,
  }) => {
    const existing = await UserFactory.create()
    const organization = await OrganizationFactory.create()
    const invite = await createInvite(organization)

    const response = await joinAsNewAccount(client, invite, existing.email)

    assert.deepEqual(fieldErrors(response).email, ['That email is already taken'])
    assert.lengthOf(await membersOf(organization.id), 0)
    assert.isTrue(await existing.verifyPassword('password-for-tests'))
  })

  test('a link with one use admits exactly one person', async ({ client, assert }) => {
    const organization = await OrganizationFactory.create()
    const invite = await createInvite(organization, { maxUses: 1 })

    const first = await joinAsNewAccount(client, invite, 'first@example.org')
    first.assertHeader('location', '/texting')
    const users = await userCount()
    const second = await joinAsNewAccount(client, invite, 'second@example.org')

    second.assertFlashMessage(
      'error',
      'This invite link is used up. Ask the organizer for a new one.'
    )
    assert.equal(await userCount(), users)
    const members = await membersOf(organization.id)
    assert.deepEqual(
      members.map((m) => m.user.email),
      ['first@example.org']
    )
    await invite.refresh()
    assert.equal(invite.uses, 1)
  })
})

test.group('Join | organizations that approve members', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a joiner waits, sees only the waiting page, and gets in once approved', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    admin.organization.requiresApproval = true
    await admin.organization.save()
    const invite = await createInvite(admin.organization)

    const response = await joinAsNewAccount(client, invite)

    response.assertHeader('location', '/waiting')
    const joiner = await Membership.query()
      .where('organization_id', admin.organizationId)
      .whereNot('id', admin.id)
      .preload('user')
      .firstOrFail()
    assert.equal(joiner.status, 'pending')

    const waiting = await asMember(client.get(urlFor('waiting.show')), joiner)
    waiting.assertStatus(200)
    assert.equal(inertiaPage(waiting).component, 'waiting')
    for (const path of [
      urlFor('dashboard'),
      urlFor('members.index'),
      urlFor('invites.index'),
      urlFor('api_tokens.index'),
    ]) {
      const blocked = await asMember(client.get(path), joiner)
      blocked.assertStatus(302)
      blocked.assertHeader('location', '/waiting')
    }

    await asMember(client.put(urlFor('members.update_status', { id: joiner.id })), admin).form({
      status: 'active',
    })

    const texting = await asMember(client.get(urlFor('texting.index')), joiner)
    texting.assertStatus(200)
    const noLongerWaiting = await asMember(client.get(urlFor('waiting.show')), joiner)
    noLongerWaiting.assertHeader('location', '/texting')
  })
})

test.group(
  'Join | with SMTP configured, an address does not tell whether it has an account',
  (group) => {
    group.each.setup(() => testUtils.db().withGlobalTransaction())
    // On MySQL the counters have their own connection, outside the test's
    // transaction, so they are cleared; on SQLite the rollback takes them.
    group.each.setup(async () => {
      if (env.get('DB_CONNECTION', 'sqlite') === 'mysql') await limiter.clear()
    })
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

    /** The one email sent to `to`, and the link it holds. */
    function emailTo(to: string) {
      const sent = fake.messages.sent().filter((message) => {
        const { message: json } = message.toJSON()
        return JSON.stringify(json.to).includes(to)
      })
      if (sent.length !== 1) throw new Error(`expected one email to ${to}, got ${sent.length}`)
      const [message] = sent
      const link = String(message.toJSON().message.text).match(/https?:\/\/\S+/)
      return { message, link: link![0] }
    }

    /** What a browser sees of a form post's answer. */
    function answerOf(response: Awaited<ReturnType<typeof joinAsNewAccount>>) {
      return {
        status: response.status(),
        location: response.header('location'),
        flash: response.flashMessages(),
        signedIn: response.session().auth_web !== undefined,
      }
    }

    test('a new address and a registered one get the same answer', async ({ client, assert }) => {
      const existing = await UserFactory.create()
      const organization = await OrganizationFactory.merge({ name: 'Eastside Mutual Aid' }).create()
      const invite = await createInvite(organization)
      const users = await userCount()

      const forNew = await joinAsNewAccount(client, invite, 'new.volunteer@example.org')
      const forExisting = await joinAsNewAccount(client, invite, existing.email)

      assert.deepEqual(answerOf(forExisting), answerOf(forNew))
      assert.deepEqual(answerOf(forNew), {
        status: 302,
        location: `/join/${invite.token}`,
        flash: { success: 'Check your inbox: the link we sent you finishes joining.' },
        signedIn: false,
      })
      // Nothing is created until the address owner follows the link.
      assert.equal(await userCount(), users)
      assert.lengthOf(await membersOf(organization.id), 0)
      assert.isTrue(await existing.verifyPassword('password-for-tests'))

      // The account holder is asked to sign in instead.
      const prompt = emailTo(existing.email)
      prompt.message.assertSubject('Join Eastside Mutual Aid on Porchlight: sign in first')
      assert.equal(prompt.link, `${appUrl}/join/${invite.token}`)
      emailTo('new.volunteer@example.org').message.assertSubject(
        'Finish joining Eastside Mutual Aid on Porchlight'
      )
    })

    test('the emailed link creates the account, signs it in and joins', async ({
      client,
      assert,
    }) => {
      const organization = await OrganizationFactory.create()
      const invite = await createInvite(organization, { role: 'supervisor' })
      await joinAsNewAccount(client, invite, 'new.volunteer@example.org')
      const { link } = emailTo('new.volunteer@example.org')

      const confirmed = await client.get(new URL(link).pathname + new URL(link).search).redirects(0)

      confirmed.assertStatus(302)
      confirmed.assertHeader('location', '/dashboard')
      const [member] = await membersOf(organization.id)
      assert.equal(member.user.email, 'new.volunteer@example.org')
      assert.equal(member.user.fullName, 'New Volunteer')
      assert.equal(member.role, 'supervisor')
      assert.isTrue(await member.user.verifyPassword(PASSWORD))
      await invite.refresh()
      assert.equal(invite.uses, 1)

      // The link works once: the account exists now.
      const again = await client.get(new URL(link).pathname + new URL(link).search).redirects(0)
      again.assertStatus(302)
      again.assertHeader('location', '/login')
      again.assertFlashMessage('error', 'That link was already used: sign in with your account.')
      assert.lengthOf(await membersOf(organization.id), 1)
    })

    test('a fourth request for one address within 15 minutes sends nothing, and answers the same', async ({
      client,
      assert,
    }) => {
      const invite = await createInvite(await OrganizationFactory.create())
      const answers = []
      for (let i = 0; i < 4; i++) {
        answers.push(answerOf(await joinAsNewAccount(client, invite, 'flooded@example.org')))
      }

      assert.deepEqual(answers[3], answers[0])
      assert.lengthOf(fake.messages.sent(), 3)
    })

    test('a link that was tampered with, or has expired, joins nobody', async ({
      client,
      assert,
    }) => {
      const organization = await OrganizationFactory.create()
      const invite = await createInvite(organization)
      await joinAsNewAccount(client, invite, 'new.volunteer@example.org')
      const { link } = emailTo('new.volunteer@example.org')
      const url = new URL(link)
      url.searchParams.set('code', url.searchParams.get('code')!.slice(0, -4) + 'AAAA')

      const response = await client.get(url.pathname + url.search).redirects(0)

      response.assertStatus(302)
      response.assertHeader('location', `/join/${invite.token}`)
      response.assertFlashMessage(
        'error',
        'That link has expired or is not complete. Fill in the form again for a new one.'
      )
      assert.lengthOf(await membersOf(organization.id), 0)
    })
  }
)
