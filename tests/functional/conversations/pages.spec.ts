import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import CampaignContact from '#models/campaign_contact'
import { memberChannel, organizationChannel } from '#services/realtime/updates'
import { createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { createActiveCampaign, createConversation } from '#tests/helpers/conversations'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Conversations | list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('needs reply by default, newest reply first; all and closed on request', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const account = await createFakeAccount(org)
    const campaign = await createActiveCampaign(texter, { name: 'Turnout' })
    const first = await createConversation(texter, { campaign })
    const second = await createConversation(texter, { campaign })
    const waiting = await createConversation(texter, { campaign })
    const closed = await createConversation(texter, { campaign, status: 'closed' })
    // Someone else's, and one not texted yet: never in this list.
    const colleague = await createMember('texter', { organization: texter.organization })
    await createConversation(colleague, { campaign })
    const untexted = await createContact(org)
    await CampaignContact.create({
      organizationId: org,
      campaignId: campaign.id,
      contactId: untexted.id,
      assignedUserId: texter.userId,
      status: 'needs_message',
    })

    await postFakeWebhook(account, fakeInbound(first.contact.phone, 'Sure!'))
    await postFakeWebhook(account, fakeInbound(second.contact.phone, 'Who is this? <b>hi</b>'))
    // Both replied within the same second: force the order the test checks.
    await CampaignContact.query()
      .where('id', first.conversation.id)
      .update({ last_inbound_at: '2020-01-01 10:00:00' })

    const page = inertiaPage(await asMember(client.get(urlFor('conversations.index')), texter))
    assert.equal(page.component, 'conversations/index')
    assert.deepEqual(
      page.props.conversations.map((row: { id: number }) => row.id),
      [second.conversation.id, first.conversation.id]
    )
    assert.containSubset(page.props.conversations[0], {
      status: 'needs_response',
      name: 'Ada Byron',
      campaign: { name: 'Turnout' },
      latest: { body: 'Who is this? <b>hi</b>', direction: 'inbound' },
    })
    assert.equal(page.props.needsReply, 2)
    // The navigation's badge, on every page.
    const elsewhere = inertiaPage(await asMember(client.get(urlFor('texting.index')), texter))
    assert.equal(elsewhere.props.needsReplyCount, 2)
    const colleaguePage = inertiaPage(
      await asMember(client.get(urlFor('texting.index')), colleague)
    )
    assert.equal(colleaguePage.props.needsReplyCount, 0)
    assert.equal(page.props.channel, memberChannel(org, texter.userId))

    const all = inertiaPage(
      await asMember(
        client.get(urlFor('conversations.index', {}, { qs: { filter: 'all' } })),
        texter
      )
    )
    assert.sameMembers(
      all.props.conversations.map((row: { id: number }) => row.id),
      [first, second, waiting, closed].map(({ conversation }) => conversation.id)
    )
    const ended = inertiaPage(
      await asMember(
        client.get(urlFor('conversations.index', {}, { qs: { filter: 'closed' } })),
        texter
      )
    )
    assert.deepEqual(
      ended.props.conversations.map((row: { id: number }) => row.id),
      [closed.conversation.id]
    )
  })

  test('filters by campaign, and refuses an unknown filter', async ({ client, assert }) => {
    const texter = await createMember('texter')
    const one = await createConversation(texter, { status: 'needs_response' })
    await createConversation(texter, { status: 'needs_response' })

    const page = inertiaPage(
      await asMember(
        client.get(urlFor('conversations.index', {}, { qs: { campaign: one.campaign.id } })),
        texter
      )
    )
    assert.deepEqual(
      page.props.conversations.map((row: { id: number }) => row.id),
      [one.conversation.id]
    )
    assert.lengthOf(page.props.campaigns, 2)

    const bad = await asMember(
      client.get(urlFor('conversations.index', {}, { qs: { filter: 'everything' } })),
      texter
    )
    bad.assertStatus(302)
  })
})

test.group('Conversations | thread page and who may open it', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the texter sees the whole thread, the contact and the campaign', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const account = await createFakeAccount(texter.organizationId)
    const { contact, conversation } = await createConversation(texter)
    await postFakeWebhook(account, fakeInbound(contact.phone, '<script>alert(1)</script> yes'))

    const response = await asMember(
      client.get(urlFor('conversations.show', { id: conversation.id })),
      texter
    )
    const page = inertiaPage(response)
    assert.equal(page.component, 'conversations/show')
    assert.deepEqual(
      page.props.messages.map((m: { direction: string; body: string }) => [m.direction, m.body]),
      [
        ['outbound', 'Hi Ada, can we count on your vote?'],
        ['inbound', '<script>alert(1)</script> yes'],
      ]
    )
    // The shell embeds props as JSON: the contact's markup never reaches the HTML as markup.
    assert.notInclude(response.text(), '<script>alert(1)</script>')
    assert.containSubset(page.props, {
      conversation: {
        id: conversation.id,
        status: 'needs_response',
        campaign: { name: 'Get out the vote' },
      },
      contact: { firstName: 'Ada', phone: contact.phone },
      asOrganization: false,
      canReview: false,
      channel: memberChannel(texter.organizationId, texter.userId),
      textingHours: { allowed: true },
    })
    assert.match(page.props.contact.localTime, /^12:\d\d$/)
  })

  test('another texter, and another organization, find nothing', async ({ client, assert }) => {
    const texter = await createMember('texter')
    const { conversation } = await createConversation(texter)
    const colleague = await createMember('texter', { organization: texter.organization })
    const stranger = await createMember('owner')

    const params = { id: conversation.id }
    for (const member of [colleague, stranger]) {
      const page = await asMember(client.get(urlFor('conversations.show', params)), member)
      page.assertStatus(404)
      const reply = await asMember(client.post(urlFor('conversations.reply', params)), member).json(
        {
          body: 'hello',
          idempotencyKey: 'abcdefgh12',
        }
      )
      reply.assertStatus(404)
      const close = await asMember(client.post(urlFor('conversations.close', params)), member)
      close.assertStatus(404)
    }
    await conversation.refresh()
    assert.equal(conversation.status, 'messaged')
  })

  test('supervisors and admins open any conversation and reply as the organization', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const { conversation } = await createConversation(texter)
    for (const role of ['supervisor', 'admin', 'owner'] as const) {
      const organizer = await createMember(role, { organization: texter.organization })
      const page = inertiaPage(
        await asMember(client.get(urlFor('conversations.show', { id: conversation.id })), organizer)
      )
      assert.isTrue(page.props.asOrganization, role)
      assert.isTrue(page.props.canReview, role)
      assert.equal(page.props.channel, organizationChannel(texter.organizationId))
      assert.equal(page.props.conversation.assignedTo.id, texter.userId)
    }
  })

  test('a contact not texted yet is not a conversation', async ({ client }) => {
    const texter = await createMember('texter')
    const campaign = await createActiveCampaign(texter)
    const contact = await createContact(texter.organizationId)
    const row = await CampaignContact.create({
      organizationId: texter.organizationId,
      campaignId: campaign.id,
      contactId: contact.id,
      assignedUserId: texter.userId,
      status: 'needs_message',
    })
    const response = await asMember(
      client.get(urlFor('conversations.show', { id: row.id })),
      texter
    )
    response.assertStatus(404)
  })
})
