import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Message from '#models/message'
import type Membership from '#models/membership'
import { createMember } from '#tests/helpers/members'
import { createContact, optOut } from '#tests/helpers/contacts'
import { SENDER } from '#tests/helpers/messaging'
import { createConversation, zoneAt } from '#tests/helpers/conversations'
import { asMember, fieldErrors } from '#tests/helpers/web'
import { recordBroadcasts } from '#tests/helpers/realtime'
import sms from '#services/sms'
import { Dispatcher } from '#services/outbox/dispatcher'
import { memberChannel } from '#services/realtime/updates'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** A press of Send on the conversation page. */
function pressSend(
  client: ApiClient,
  member: Membership,
  conversationId: number,
  press: { body: string; idempotencyKey: string }
) {
  return asMember(client.post(urlFor('conversations.reply', { id: conversationId })), member).json(
    press
  )
}

function repliesIn(conversationId: number) {
  return Message.query()
    .where('campaign_contact_id', conversationId)
    .where('direction', 'outbound')
    .whereNotNull('idempotency_key')
    .orderBy('id')
}

test.group('Conversations | replying', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a reply is queued from the conversation’s number; the same press twice is one text', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const { contact, conversation } = await createConversation(texter, {
      status: 'needs_response',
    })
    conversation.lastInboundAt = DateTime.now().minus({ seconds: 90 })
    await conversation.save()

    const press = { body: '  Thanks, see you Saturday!  ', idempotencyKey: 'press-0001' }
    for (let i = 0; i < 2; i++) {
      const response = await pressSend(client, texter, conversation.id, press)
      response.assertStatus(302)
      response.assertHeader('location', `/conversations/${conversation.id}`)
    }

    const replies = await repliesIn(conversation.id)
    assert.lengthOf(replies, 1)
    assert.containSubset(replies[0].serialize(), {
      body: 'Thanks, see you Saturday!',
      status: 'queued',
      from: SENDER,
      to: contact.phone,
      sentById: texter.userId,
      purpose: null,
    })
    // Answering a waiting reply records how long the person waited.
    assert.closeTo(replies[0].responseSeconds!, 90, 5)
    await conversation.refresh()
    assert.equal(conversation.status, 'conversing')
    assert.isNotNull(conversation.lastOutboundAt)

    // Another press is another text; nobody waited on it.
    await pressSend(client, texter, conversation.id, {
      body: 'One more thing',
      idempotencyKey: 'press-0002',
    })
    const after = await repliesIn(conversation.id)
    assert.lengthOf(after, 2)
    assert.isNull(after[1].responseSeconds)
  })

  test('a follow-up before any reply leaves the conversation waiting on the person', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const { conversation } = await createConversation(texter)
    await pressSend(client, texter, conversation.id, {
      body: 'Just checking you got this?',
      idempotencyKey: 'press-0006',
    })
    const [reply] = await repliesIn(conversation.id)
    assert.isNull(reply.responseSeconds)
    await conversation.refresh()
    assert.equal(conversation.status, 'messaged')
  })

  test('the sender hears how the reply fares on their own channel', async ({ client, assert }) => {
    sms.fake()
    const broadcasts = recordBroadcasts()
    try {
      const texter = await createMember('texter')
      const { conversation } = await createConversation(texter, { status: 'needs_response' })
      await pressSend(client, texter, conversation.id, {
        body: 'See you there',
        idempotencyKey: 'press-0007',
      })
      await new Dispatcher().drainOnce()
      const [reply] = await repliesIn(conversation.id)
      const heard = broadcasts
        .on(memberChannel(texter.organizationId, texter.userId))
        .filter((update) => update.type === 'message.status')
      assert.deepEqual(
        heard.map((update) => update.message),
        [{ id: reply.id, status: 'sent', errorCode: null }]
      )
    } finally {
      broadcasts.restore()
      sms.restore()
    }
  })

  test('refuses an empty message and a malformed key', async ({ client, assert }) => {
    const texter = await createMember('texter')
    const { conversation } = await createConversation(texter)
    const response = await pressSend(client, texter, conversation.id, {
      body: '   ',
      idempotencyKey: 'x',
    })
    response.assertStatus(302)
    assert.sameMembers(Object.keys(fieldErrors(response)), ['body', 'idempotencyKey'])
    assert.lengthOf(await repliesIn(conversation.id), 0)
  })

  test('an opted-out person is not texted', async ({ client, assert }) => {
    const texter = await createMember('texter')
    const { contact, conversation } = await createConversation(texter, {
      status: 'needs_response',
    })
    await optOut(texter.organizationId, contact.phone)

    const response = await pressSend(client, texter, conversation.id, {
      body: 'Hello?',
      idempotencyKey: 'press-0003',
    })
    response.assertStatus(302)
    response.assertFlashMessage('error', 'This person opted out; they will not be texted again')
    assert.lengthOf(await repliesIn(conversation.id), 0)
  })

  test('replies keep to the recipient’s texting hours', async ({ client, assert }) => {
    const texter = await createMember('texter')
    const asleep = await createContact(texter.organizationId, { timezone: zoneAt(3) })
    const { conversation } = await createConversation(texter, {
      contact: asleep,
      status: 'needs_response',
    })

    const response = await pressSend(client, texter, conversation.id, {
      body: 'Are you there?',
      idempotencyKey: 'press-0004',
    })
    response.assertStatus(302)
    assert.match(
      String(response.flashMessage('error')),
      /^Outside texting hours .* You can reply from /
    )
    assert.lengthOf(await repliesIn(conversation.id), 0)
  })

  test('an organizer replies as the organization; the conversation stays with its texter', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const supervisor = await createMember('supervisor', { organization: texter.organization })
    const { conversation } = await createConversation(texter, { status: 'needs_response' })

    await pressSend(client, supervisor, conversation.id, {
      body: 'Hi, this is the campaign office.',
      idempotencyKey: 'press-0005',
    })
    const [reply] = await repliesIn(conversation.id)
    assert.equal(reply.sentById, supervisor.userId)
    await conversation.refresh()
    assert.equal(conversation.assignedUserId, texter.userId)
    assert.equal(conversation.status, 'conversing')
  })
})
