import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import CampaignContact from '#models/campaign_contact'
import CampaignReplyHandler from '#models/campaign_reply_handler'
import Message from '#models/message'
import type Membership from '#models/membership'
import type Campaign from '#models/campaign'
import { memberChannel, organizationChannel } from '#services/realtime/updates'
import { createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { createActiveCampaign, createConversation } from '#tests/helpers/conversations'
import { recordBroadcasts } from '#tests/helpers/realtime'
import { addTextedContacts, rowsReadBy } from '#tests/helpers/rows_read'
import { recordOptOut } from '#services/opt_outs/record'
import db from '@adonisjs/lucid/services/db'

async function reply(organizationId: number, phone: string, body: string) {
  const account = await createFakeAccount(organizationId)
  const inbound = fakeInbound(phone, body)
  await postFakeWebhook(account, inbound)
  return Message.query().where('provider_message_id', inbound.id).firstOrFail()
}

async function handlers(campaign: Campaign, ...members: Membership[]) {
  campaign.routeRepliesToHandlers = true
  await campaign.save()
  for (const member of members) {
    await CampaignReplyHandler.create({
      organizationId: campaign.organizationId,
      campaignId: campaign.id,
      userId: member.userId,
    })
  }
}

test.group('Conversations | inbound replies', (group) => {
  let broadcasts: ReturnType<typeof recordBroadcasts>
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    broadcasts = recordBroadcasts()
    return () => broadcasts.restore()
  })

  test('a reply joins its conversation, which now needs a response', async ({ assert }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const { contact, conversation, campaign } = await createConversation(texter)

    const message = await reply(org, contact.phone, 'Yes, count me in!')
    assert.equal(message.campaignContactId, conversation.id)
    assert.equal(message.campaignId, campaign.id)
    await conversation.refresh()
    assert.equal(conversation.status, 'needs_response')
    assert.equal(conversation.sentiment, 'positive')
    assert.isNotNull(conversation.repliedAt)
    assert.isNotNull(conversation.lastInboundAt)
    const firstReply = conversation.repliedAt!.toISO()

    conversation.status = 'conversing'
    await conversation.save()
    await reply(org, contact.phone, 'no thanks')
    await conversation.refresh()
    assert.equal(conversation.status, 'needs_response')
    assert.equal(conversation.sentiment, 'negative')
    assert.equal(conversation.repliedAt!.toISO(), firstReply)
  })

  test('the texter and the supervisors hear it; other texters do not', async ({ assert }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const colleague = await createMember('texter', { organization: texter.organization })
    const { contact, conversation } = await createConversation(texter)

    const message = await reply(org, contact.phone, 'Who is this?')
    const mine = broadcasts.on(memberChannel(org, texter.userId))
    assert.deepEqual(
      mine.map((update) => update.type),
      ['message.received', 'conversation.updated']
    )
    assert.containSubset(mine[0].message, {
      id: message.id,
      campaignContactId: conversation.id,
      body: 'Who is this?',
    })
    assert.deepEqual(mine[1].conversation, {
      id: conversation.id,
      campaignId: conversation.campaignId,
      status: 'needs_response',
      assignedUserId: texter.userId,
    })
    assert.notProperty(mine[0], 'userIds')
    assert.deepEqual(broadcasts.on(organizationChannel(org)), mine)
    assert.isEmpty(broadcasts.on(memberChannel(org, colleague.userId)))
  })

  test('the most recently texted conversation gets the reply; archived campaigns never', async ({
    assert,
  }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const contact = await createContact(org)
    const earlier = await createConversation(texter, { contact, minutesAgo: 60 })
    const later = await createConversation(texter, { contact, minutesAgo: 5 })
    const archived = await createConversation(texter, { contact, minutesAgo: 1 })
    archived.campaign.status = 'archived'
    await archived.campaign.save()
    // Launched but never texted: not a conversation yet.
    const untexted = await createActiveCampaign(texter)
    await CampaignContact.create({
      organizationId: org,
      campaignId: untexted.id,
      contactId: contact.id,
      status: 'needs_message',
    })

    const message = await reply(org, contact.phone, 'ok')
    assert.equal(message.campaignContactId, later.conversation.id)
    await earlier.conversation.refresh()
    assert.equal(earlier.conversation.status, 'messaged')
  })

  test('a stranger’s text joins no conversation', async ({ assert }) => {
    const texter = await createMember('texter')
    const message = await reply(texter.organizationId, '+13135550123', 'hello?')
    assert.isNull(message.campaignContactId)
    assert.isNull(message.campaignId)
    assert.isEmpty(broadcasts.on(memberChannel(texter.organizationId, texter.userId)))
  })

  test('a reply reopens a closed conversation; an opted-out one stays opted out', async ({
    assert,
  }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const closed = await createConversation(texter, { status: 'closed' })
    const optedOut = await createConversation(texter, { status: 'opted_out' })

    await reply(org, closed.contact.phone, 'one more thing')
    await reply(org, optedOut.contact.phone, 'hi again')
    await closed.conversation.refresh()
    await optedOut.conversation.refresh()
    assert.equal(closed.conversation.status, 'needs_response')
    assert.equal(optedOut.conversation.status, 'opted_out')
    assert.isNotNull(optedOut.conversation.lastInboundAt)
  })

  test('START after an opt-out reopens the conversation', async ({ assert }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const { contact, conversation } = await createConversation(texter)

    await reply(org, contact.phone, 'STOP')
    await conversation.refresh()
    assert.equal(conversation.status, 'opted_out')
    await reply(org, contact.phone, 'START')
    await conversation.refresh()
    assert.equal(conversation.status, 'needs_response')
  })

  test('STOP ends the conversation, and every other one with the phone', async ({ assert }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const contact = await createContact(org)
    const older = await createConversation(texter, {
      contact,
      status: 'conversing',
      minutesAgo: 90,
    })
    const { conversation } = await createConversation(texter, { contact })

    const message = await reply(org, contact.phone, 'please stop texting me')
    assert.equal(message.campaignContactId, conversation.id)
    await conversation.refresh()
    await older.conversation.refresh()
    assert.equal(conversation.status, 'opted_out')
    assert.equal(older.conversation.status, 'opted_out')
    const [update] = broadcasts
      .on(memberChannel(org, texter.userId))
      .filter((pushed) => pushed.type === 'conversation.updated')
    assert.equal(update.conversation.status, 'opted_out')
  })

  test('STOP reads only the phone’s own conversations, however many the organization has', async ({
    assert,
  }) => {
    const texter = await createMember('texter')
    const { contact, conversation, campaign } = await createConversation(texter)
    await addTextedContacts(campaign, 200)

    const rowsRead = await rowsReadBy(() =>
      db.transaction((trx) =>
        recordOptOut(
          { organizationId: texter.organizationId, phone: contact.phone, source: 'keyword' },
          trx
        )
      )
    )

    await conversation.refresh()
    assert.equal(conversation.status, 'opted_out')
    const [{ ended }] = await db
      .from('campaign_contacts')
      .where('campaign_id', campaign.id)
      .where('status', 'opted_out')
      .count('* as ended')
    assert.equal(Number(ended), 1)
    // MariaDB read every campaign contact of the organization for an UPDATE … WHERE … IN (subquery).
    if (rowsRead !== null) assert.isBelow(rowsRead, 20)
  })

  test('replies go to the least busy active reply handler, once', async ({ assert }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const organization = texter.organization
    const busy = await createMember('texter', { organization })
    const free = await createMember('texter', { organization })
    const away = await createMember('texter', { organization, status: 'suspended' })
    const campaign = await createActiveCampaign(texter)
    await handlers(campaign, busy, free, away)
    // busy holds one open conversation; closed ones do not count.
    await createConversation(busy, { campaign, status: 'needs_response' })
    await createConversation(free, { campaign, status: 'closed' })
    await createConversation(free, { campaign, status: 'closed' })
    const { contact, conversation } = await createConversation(texter, { campaign })

    await reply(org, contact.phone, 'yes')
    await conversation.refresh()
    assert.equal(conversation.assignedUserId, free.userId)
    const moved = broadcasts
      .on(memberChannel(org, texter.userId))
      .find((update) => update.type === 'conversation.updated')
    assert.equal(moved.conversation.assignedUserId, free.userId)
    assert.lengthOf(broadcasts.on(memberChannel(org, free.userId)), 2)

    // Later replies stay with the handler, however busy.
    await createConversation(free, { campaign, status: 'needs_response' })
    await createConversation(free, { campaign, status: 'conversing' })
    await reply(org, contact.phone, 'what time?')
    await conversation.refresh()
    assert.equal(conversation.assignedUserId, free.userId)
  })

  test('without handlers, or without routing, replies stay with the texter', async ({ assert }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const handler = await createMember('texter', { organization: texter.organization })
    const routedNowhere = await createActiveCampaign(texter)
    await handlers(routedNowhere)
    const notRouted = await createActiveCampaign(texter)
    await CampaignReplyHandler.create({
      organizationId: org,
      campaignId: notRouted.id,
      userId: handler.userId,
    })

    for (const campaign of [routedNowhere, notRouted]) {
      const { contact, conversation } = await createConversation(texter, { campaign })
      await reply(org, contact.phone, 'yes')
      await conversation.refresh()
      assert.equal(conversation.assignedUserId, texter.userId)
    }
  })
})
