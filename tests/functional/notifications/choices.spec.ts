import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import User from '#models/user'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember, asUser } from '#tests/helpers/web'
import { notificationWorld, withSmtpInbox, worker } from '#tests/functional/notifications/helpers'

/** The path and query of a URL (the test client talks to its own server). */
const pathOf = (url: string) => {
  const parsed = new URL(url)
  return `${parsed.pathname}${parsed.search}`
}

test.group('Notification emails | unsubscribe link', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const smtp = withSmtpInbox(group)

  test('every email carries a signed one-click unsubscribe link that needs no sign-in', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign } = await notificationWorld(4)
    const token = await apiTokenFor(owner)
    const assign = () =>
      client
        .post(`/api/v1/campaigns/${campaign.id}/assignments`)
        .bearerToken(token)
        .json({ action: 'assign', toUserId: texter.userId, count: 1 })
    await assign()
    await worker().send()
    const [email] = smtp.inbox.to(texter.user.email)

    // RFC 8058: the link in the header, and the one-click POST announced.
    const header = email.headers.get('list-unsubscribe')!
    const link = /<([^>]+)>/.exec(header)![1]
    assert.include(link, `/email/unsubscribe/${texter.userId}/assignment?signature=`)
    assert.equal(email.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click')
    assert.include(email.text, link)
    assert.include(email.html, link.replaceAll('&', '&amp;'))

    // Opening it asks first; nothing changes yet.
    const page = await client.get(pathOf(link))
    page.assertStatus(200)
    assert.deepInclude(inertiaPage(page).props, { kind: 'assignment', state: 'confirm' })
    const before = await User.findOrFail(texter.userId)
    assert.isTrue(before.emailAssignments)

    // A link changed by hand (another person, another kind) does nothing.
    const forged = await client
      .post(pathOf(link).replace('/assignment?', '/digest?'))
      .form({ 'List-Unsubscribe': 'One-Click' })
    forged.assertStatus(403)
    const otherPerson = await client
      .post(pathOf(link).replace(`/${texter.userId}/`, `/${owner.userId}/`))
      .form({ 'List-Unsubscribe': 'One-Click' })
    otherPerson.assertStatus(403)

    // The mail client's one-click POST: no session, no CSRF token.
    const done = await client.post(pathOf(link)).form({ 'List-Unsubscribe': 'One-Click' })
    done.assertStatus(200)
    assert.deepInclude(inertiaPage(done).props, { state: 'done' })
    const after = await User.findOrFail(texter.userId)
    assert.isFalse(after.emailAssignments)
    assert.isTrue(after.emailReplyDigests, 'only that kind is turned off')
    const organizer = await User.findOrFail(owner.userId)
    assert.isTrue(organizer.emailAssignments)

    await assign()
    await worker().send()
    assert.lengthOf(smtp.inbox.to(texter.user.email), 1, 'no more assignment emails')
  })

  test('the unsubscribe page speaks the recipient’s language', async ({ client, assert }) => {
    const { owner, texter, campaign } = await notificationWorld(2)
    texter.user.locale = 'es'
    await texter.user.save()
    await client
      .post(`/api/v1/campaigns/${campaign.id}/assignments`)
      .bearerToken(await apiTokenFor(owner))
      .json({ action: 'assign', toUserId: texter.userId, count: 1 })
    await worker().send()
    const [email] = smtp.inbox.to(texter.user.email)
    const link = /<([^>]+)>/.exec(email.headers.get('list-unsubscribe')!)![1]
    const page = await client.get(pathOf(link)).header('accept-language', 'en-US')
    assert.equal(inertiaPage(page).props.locale, 'es')
  })
})

test.group('Notification emails | choices and previews', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('each person turns each kind of email on or off on their profile', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const profile = inertiaPage(await asUser(client.get(urlFor('profile.edit')), texter.user))
    assert.deepEqual(profile.props.emails, { assignment: true, digest: true, escalation: true })

    const saved = await asUser(client.put(urlFor('email_preferences.update')), texter.user).json({
      assignment: true,
      digest: false,
      escalation: false,
    })
    saved.assertStatus(302)
    saved.assertFlashMessage('success', 'Your email choices are saved.')
    const after = inertiaPage(await asUser(client.get(urlFor('profile.edit')), texter.user))
    assert.deepEqual(after.props.emails, { assignment: true, digest: false, escalation: false })

    const refused = await asUser(client.put(urlFor('email_preferences.update')), texter.user).json({
      assignment: 'maybe',
    })
    refused.assertStatus(302)
    const unchanged = await User.findOrFail(texter.userId)
    assert.isFalse(unchanged.emailReplyDigests)
  })

  test('admins preview every email in English and Spanish; texters may not', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    admin.organization.name = 'Riverside Union'
    await admin.organization.save()
    const texter = await createMember('texter', { organization: admin.organization })
    const page = inertiaPage(await asMember(client.get(urlFor('email_previews.index')), admin))
    const previews = page.props.previews as {
      kind: string
      locale: string
      subject: string
      html: string
      text: string
    }[]
    assert.sameDeepMembers(
      previews.map(({ kind, locale }) => ({ kind, locale })),
      ['assignment', 'digest', 'escalation'].flatMap((kind) => [
        { kind, locale: 'en' },
        { kind, locale: 'es' },
      ])
    )
    const spanish = previews.find((p) => p.kind === 'digest' && p.locale === 'es')!
    assert.equal(spanish.subject, '3 respuestas esperan tu contestación')
    assert.include(spanish.text, 'Espera 1 más en tus conversaciones.')
    const escalation = previews.find((p) => p.kind === 'escalation' && p.locale === 'en')!
    assert.include(escalation.html, '&lt;I want to talk to someone in charge&gt;')
    assert.include(escalation.html, 'a member of Riverside Union on Porchlight')

    const refused = await asMember(client.get(urlFor('email_previews.index')), texter)
    refused.assertStatus(403)
  })

  test('the reply digest wait is an organization setting with limits', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const token = await apiTokenFor(owner)
    const shown = await client.get('/api/v1/organization').bearerToken(token)
    assert.equal(shown.body().settings.replyDigestMinutes, 30)
    const refused = await client
      .patch('/api/v1/organization')
      .bearerToken(token)
      .json({ settings: { replyDigestMinutes: 2 } })
    refused.assertStatus(422)

    const saved = await asMember(client.put(urlFor('organization_settings.update')), owner).json({
      settings: { replyDigestMinutes: 45 },
    })
    saved.assertStatus(302)
    const page = inertiaPage(
      await asMember(client.get(urlFor('organization_settings.edit')), owner)
    )
    assert.equal(page.props.details.settings.replyDigestMinutes, 45)
  })
})
