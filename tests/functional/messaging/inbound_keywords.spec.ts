import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import Contact from '#models/contact'
import AuditEvent from '#models/audit_event'
import Organization from '#models/organization'
import sms from '#services/sms'
import { Dispatcher } from '#services/outbox/dispatcher'
import { queueMessage } from '#services/outbox/enqueue'
import { createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { createFakeAccount, fakeInbound, postFakeWebhook, SENDER } from '#tests/helpers/messaging'

async function repliesTo(phone: string) {
  return Message.query().where('to_phone', phone).where('direction', 'outbound').orderBy('id')
}

test.group('Inbound | STOP, HELP, START', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sms.restore())

  test('STOP end to end: opted out, one confirmation sent, later sends refused', async ({
    assert,
  }) => {
    const fake = sms.fake()
    const owner = await createMember('owner')
    const organization = await Organization.findOrFail(owner.organizationId)
    organization.settings = {
      ...organization.settings,
      optOutReply: 'Unsubscribed. No more texts.',
    }
    await organization.save()
    const account = await createFakeAccount(owner.organizationId)
    const contact = await createContact(owner.organizationId)

    const stop = fakeInbound(contact.phone, ' Stop ')
    await postFakeWebhook(account, stop)
    // The provider repeats the delivery, and the person says it again.
    await postFakeWebhook(account, stop)
    await postFakeWebhook(account, fakeInbound(contact.phone, 'STOP'))

    const optOut = await OptOut.forOrganization(owner.organizationId)
      .where('phone', contact.phone)
      .firstOrFail()
    const inbound = await Message.query().where('provider_message_id', stop.id).firstOrFail()
    assert.containSubset(optOut.serialize(), { source: 'keyword', messageId: inbound.id })
    assert.equal(inbound.intent, 'stop')
    await AuditEvent.query().where('action', 'opt_out.recorded').firstOrFail()

    const replies = await repliesTo(contact.phone)
    assert.lengthOf(replies, 1)
    assert.containSubset(replies[0].serialize(), {
      status: 'queued',
      purpose: 'opt_out_confirmation',
      body: 'Unsubscribed. No more texts.',
      from: SENDER,
      contactId: contact.id,
    })

    // The confirmation goes out although the phone is opted out; nothing else does.
    await assert.rejects(
      () =>
        queueMessage({
          organizationId: owner.organizationId,
          providerAccountId: account.id,
          from: SENDER,
          to: contact.phone,
          body: 'Are you coming Saturday?',
        }),
      `${contact.phone} has opted out of texts from this organization`
    )
    await new Dispatcher().drainOnce()
    fake.assertSentCount(1)
    fake.assertSent({ to: contact.phone, body: 'Unsubscribed. No more texts.' })
  })

  test('a plain "please stop texting me" opts out; a doubtful one is only flagged', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)

    await postFakeWebhook(account, fakeInbound('+12025550131', 'Please stop texting me'))
    await postFakeWebhook(account, fakeInbound('+12025550132', 'Wrong number'))

    assert.isNotNull(await OptOut.query().where('phone', '+12025550131').first())
    assert.isNull(await OptOut.query().where('phone', '+12025550132').first())
    const flagged = await Message.query().where('from_phone', '+12025550132').firstOrFail()
    assert.equal(flagged.intent, 'possible_stop')
    assert.lengthOf(await repliesTo('+12025550132'), 0)
  })

  test("HELP gets the organization's help reply, naming the organization", async ({ assert }) => {
    const owner = await createMember('owner')
    const organization = await Organization.findOrFail(owner.organizationId)
    const account = await createFakeAccount(owner.organizationId)

    await postFakeWebhook(account, fakeInbound('+12025550133', 'help'))

    const replies = await repliesTo('+12025550133')
    assert.lengthOf(replies, 1)
    assert.equal(replies[0].purpose, 'help_reply')
    assert.equal(replies[0].body, `${organization.name}: ${organization.settings.helpReply}`)
    assert.isNull(await OptOut.query().where('phone', '+12025550133').first())
  })

  test('START (and YES after an opt-out) opts back in, audited', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)

    await postFakeWebhook(account, fakeInbound('+12025550134', 'STOP'))
    await postFakeWebhook(account, fakeInbound('+12025550134', 'Start'))
    assert.isNull(await OptOut.query().where('phone', '+12025550134').first())

    await postFakeWebhook(account, fakeInbound('+12025550134', 'unsubscribe'))
    await postFakeWebhook(account, fakeInbound('+12025550134', 'YES'))
    assert.isNull(await OptOut.query().where('phone', '+12025550134').first())

    const lifted = await AuditEvent.query().where('action', 'opt_out.lifted').orderBy('id')
    assert.lengthOf(lifted, 2)
    assert.containSubset(lifted[0].details, { phone: '+12025550134', source: 'keyword' })
    // Each opt-out was confirmed once.
    assert.lengthOf(await repliesTo('+12025550134'), 2)
  })

  test('YES from someone who never opted out is an ordinary reply', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)

    await postFakeWebhook(account, fakeInbound('+12025550135', 'yes'))

    const message = await Message.query().where('from_phone', '+12025550135').firstOrFail()
    assert.isNull(message.intent)
    assert.lengthOf(await AuditEvent.query().where('action', 'opt_out.lifted'), 0)
  })

  test('a text from an unknown number creates an "unknown sender" contact, once', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const other = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    // The same phone in another organization is someone else's contact.
    await createContact(other.organizationId, { phone: '+12025550136' })

    await postFakeWebhook(account, fakeInbound('+12025550136', 'Who is this?'))
    await postFakeWebhook(account, fakeInbound('+12025550136', 'Hello?'))

    const contacts = await Contact.forOrganization(owner.organizationId).where(
      'phone',
      '+12025550136'
    )
    assert.lengthOf(contacts, 1)
    assert.isTrue(contacts[0].unknownSender)
    const messages = await Message.query().where('contact_id', contacts[0].id)
    assert.lengthOf(messages, 2)
  })
})
