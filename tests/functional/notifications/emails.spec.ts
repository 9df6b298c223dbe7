import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Tag from '#models/tag'
import { clock } from '#services/clock'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { createConversation } from '#tests/helpers/conversations'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { createRule } from '#tests/helpers/auto_answers'
import { asMember } from '#tests/helpers/web'
import { arrange, textOf } from '#tests/helpers/supervision'
import {
  notificationWorld,
  waitingReplies,
  withSmtpInbox,
  worker,
} from '#tests/functional/notifications/helpers'

const MINUTE = 60_000

function assign(client: any, token: string, campaignId: number, body: Record<string, unknown>) {
  return client.post(`/api/v1/campaigns/${campaignId}/assignments`).bearerToken(token).json(body)
}

test.group('Notification emails | assignments', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const smtp = withSmtpInbox(group)

  test('an organizer assigning contacts sends the texter one email, from the worker', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign } = await notificationWorld(4)
    const token = await apiTokenFor(owner)

    const response = await assign(client, token, campaign.id, {
      action: 'assign',
      toUserId: texter.userId,
      count: 3,
    })
    response.assertStatus(200)
    // The request only queued it.
    assert.lengthOf(smtp.inbox.messages, 0)
    const queued = await db.from('notification_emails').where('user_id', texter.userId)
    assert.deepEqual(
      queued.map((row) => [row.kind, row.status]),
      [['assignment', 'queued']]
    )

    await worker().send()
    const [email, ...others] = smtp.inbox.to(texter.user.email)
    assert.lengthOf(others, 0, 'one email per assignment, not per contact')
    assert.equal(email.subject, `3 new contacts to text in ${campaign.name}`)
    assert.include(
      email.text,
      `${owner.user.fullName} assigned you 3 contacts in ${campaign.name}.`
    )
    assert.include(email.text, `/texting/campaigns/${campaign.id}`)
    assert.include(email.html, `/texting/campaigns/${campaign.id}`)
    assert.include(email.html, '<html lang="en">')
    assert.lengthOf(smtp.inbox.messages, 1, 'nobody else is emailed')

    // Sent once: another pass (or another worker) finds nothing to send.
    await worker().send()
    assert.lengthOf(smtp.inbox.messages, 1)
    const [sent] = await db.from('notification_emails').where('user_id', texter.userId)
    assert.equal(sent.status, 'sent')
  })

  test('a texter who turned assignment emails off, or assigned themselves, gets none', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign } = await notificationWorld(4)
    texter.user.emailAssignments = false
    await texter.user.save()
    const token = await apiTokenFor(owner)
    await assign(client, token, campaign.id, {
      action: 'assign',
      toUserId: texter.userId,
      count: 2,
    })
    await assign(client, token, campaign.id, { action: 'assign', toUserId: owner.userId, count: 2 })
    await worker().send()
    assert.lengthOf(smtp.inbox.messages, 0)
  })

  test('a texter who reads Porchlight in Spanish gets the email in Spanish', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign } = await notificationWorld(2)
    texter.user.locale = 'es'
    await texter.user.save()
    await assign(client, await apiTokenFor(owner), campaign.id, {
      action: 'assign',
      toUserId: texter.userId,
      count: 1,
    })
    await worker().send()
    const [email] = smtp.inbox.to(texter.user.email)
    assert.equal(email.subject, `1 contacto nuevo para escribir en ${campaign.name}`)
    assert.include(email.text, `Hola, ${texter.user.fullName}:`)
    assert.include(email.text, `te asignó 1 contacto en ${campaign.name}.`)
    assert.include(email.text, 'Dejar de recibir correos de asignaciones nuevas')
    assert.include(email.html, '<html lang="es">')
  })

  test('an email whose worker died mid-send is sent by another once its lease runs out', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign } = await notificationWorld(2)
    await assign(client, await apiTokenFor(owner), campaign.id, {
      action: 'assign',
      toUserId: texter.userId,
      count: 1,
    })
    // A worker claimed it, then its process was killed.
    await db
      .from('notification_emails')
      .where('user_id', texter.userId)
      .update({ status: 'sending', claimed_at: db.raw('next_attempt_at'), claimed_by: 'gone:1' })
    await worker().send()
    assert.lengthOf(smtp.inbox.messages, 0, 'still leased to the dead worker')
    clock.travel(6 * MINUTE)
    await worker().send()
    assert.lengthOf(smtp.inbox.to(texter.user.email), 1)
  })

  test('an email the SMTP server refuses stays queued for a later try', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign } = await notificationWorld(2)
    await assign(client, await apiTokenFor(owner), campaign.id, {
      action: 'assign',
      toUserId: texter.userId,
      count: 1,
    })
    await smtp.inbox.stop()
    await worker().send()
    const [row] = await db.from('notification_emails').where('user_id', texter.userId)
    assert.equal(row.status, 'queued')
    assert.equal(row.attempts, 1)
    assert.isNotNull(row.last_error)
  })
})

test.group('Notification emails | reply digests', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const smtp = withSmtpInbox(group)

  test('a digest goes out once replies wait past the limit, at most once an hour, only while they wait', async ({
    assert,
  }) => {
    const { texter, rows } = await notificationWorld(3)
    await waitingReplies(rows.slice(0, 2), texter, 10)
    const { send } = worker()
    const digests = () => smtp.inbox.to(texter.user.email)

    await send()
    assert.lengthOf(digests(), 0, 'not before 30 minutes')

    clock.travel(21 * MINUTE)
    await send()
    assert.lengthOf(digests(), 1)
    const [digest] = digests()
    assert.equal(digest.subject, '2 replies are waiting for your answer')
    for (const row of rows.slice(0, 2)) assert.include(digest.text, `/conversations/${row.id}`)
    assert.notInclude(digest.text, `/conversations/${rows[2].id}`)
    assert.include(digest.html, `/conversations/${rows[0].id}"`)
    assert.include(digest.text, 'waiting 31 minutes')

    clock.travel(50 * MINUTE)
    await send()
    assert.lengthOf(digests(), 1, 'one an hour at most')

    clock.travel(11 * MINUTE)
    await send()
    assert.lengthOf(digests(), 2, 'an hour on, still waiting: another')

    await db
      .from('campaign_contacts')
      .whereIn(
        'id',
        rows.map((row) => row.id)
      )
      .update({ status: 'conversing' })
    clock.travel(61 * MINUTE)
    await send()
    assert.lengthOf(digests(), 2, 'none once every reply is answered')
  })

  test('the organization sets the wait; two workers looking at once send one digest', async ({
    client,
    assert,
  }) => {
    const { owner, texter, rows } = await notificationWorld(1)
    const saved = await client
      .patch('/api/v1/organization')
      .bearerToken(await apiTokenFor(owner))
      .json({ settings: { replyDigestMinutes: 90 } })
    saved.assertStatus(200)
    assert.equal(saved.body().settings.replyDigestMinutes, 90)
    await waitingReplies(rows, texter, 60)

    await worker().send()
    assert.lengthOf(smtp.inbox.messages, 0, 'an hour is not 90 minutes')

    clock.travel(31 * MINUTE)
    await Promise.all([worker().send(), worker().send()])
    assert.lengthOf(smtp.inbox.to(texter.user.email), 1)
    assert.equal(smtp.inbox.messages[0].subject, 'A reply is waiting for your answer')
  })

  test('no digest for a texter who turned digests off', async ({ assert }) => {
    const { texter, rows } = await notificationWorld(1)
    texter.user.emailReplyDigests = false
    await texter.user.save()
    await waitingReplies(rows, texter, 45)
    await worker().send()
    assert.lengthOf(smtp.inbox.messages, 0)
  })
})

test.group('Notification emails | escalations', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const smtp = withSmtpInbox(group)

  test('an escalating tag emails the supervisors, with the reply escaped', async ({
    client,
    assert,
  }) => {
    const { owner, supervisor, texter, organization, rows } = await notificationWorld(1)
    const [row] = await arrange(rows, { texter, status: 'needs_response', messagedBy: texter })
    await textOf(row, { direction: 'inbound', body: 'Who is this? <b>stop</b> & call me' })
    const angry = await Tag.create({
      organizationId: organization.id,
      name: 'angry',
      escalates: true,
    })

    const tagged = await asMember(
      client.post(urlFor('conversations.tag', { id: row.id })),
      texter
    ).json({ tagId: angry.id })
    tagged.assertStatus(302)
    // Tagged again (already escalated): no second email.
    await asMember(client.post(urlFor('conversations.tag', { id: row.id })), texter).json({
      tagId: angry.id,
    })
    await worker().send()

    assert.sameMembers(
      smtp.inbox.messages.flatMap((email) => email.to),
      [owner.user.email, supervisor.user.email]
    )
    const [email] = smtp.inbox.to(supervisor.user.email)
    assert.match(email.subject, /^A conversation needs a supervisor: /)
    assert.include(email.text, `/conversations/${row.id}`)
    assert.include(email.text, `It is assigned to ${texter.user.fullName}.`)
    assert.include(email.text, 'Who is this? <b>stop</b> & call me')
    assert.include(email.html, 'Who is this? &lt;b&gt;stop&lt;/b&gt; &amp; call me')
    assert.notInclude(email.html, '<b>stop</b>')
  })

  test('an auto answer that escalates a reply emails the supervisors too', async ({ assert }) => {
    const texter = await createMember('texter')
    const supervisor = await createMember('supervisor', { organization: texter.organization })
    const org = texter.organizationId
    const account = await createFakeAccount(org)
    const { contact, conversation } = await createConversation(texter)
    await Tag.create({ organizationId: org, name: 'press', escalates: true })
    await createRule(org, {
      keywords: ['reporter'],
      answer: 'Someone will call you.',
      tags: ['press'],
    })

    await postFakeWebhook(account, fakeInbound(contact.phone, 'Reporter'))
    await worker().send()
    const [email] = smtp.inbox.to(supervisor.user.email)
    assert.include(email.text, `/conversations/${conversation.id}`)
    assert.include(email.text, 'Reporter')
    assert.lengthOf(smtp.inbox.to(texter.user.email), 0)
  })

  test('a supervisor who turned escalations off, or de-escalated before sending, gets none', async ({
    client,
    assert,
  }) => {
    const { owner, supervisor, texter, organization, rows } = await notificationWorld(1)
    supervisor.user.emailEscalations = false
    await supervisor.user.save()
    const [row] = await arrange(rows, { texter, status: 'needs_response', messagedBy: texter })
    const angry = await Tag.create({
      organizationId: organization.id,
      name: 'angry',
      escalates: true,
    })
    await asMember(client.post(urlFor('conversations.tag', { id: row.id })), texter).json({
      tagId: angry.id,
    })
    await asMember(
      client.delete(urlFor('conversations.untag', { id: row.id, tagId: angry.id })),
      texter
    )
    await worker().send()
    assert.lengthOf(smtp.inbox.messages, 0)
    const rowsQueued = await db.from('notification_emails').where('kind', 'escalation')
    assert.deepEqual(
      rowsQueued.map((queued) => [queued.user_id, queued.status]),
      [[owner.userId, 'skipped']]
    )
  })
})
