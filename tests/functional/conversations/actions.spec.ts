import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import Tag from '#models/tag'
import Organization from '#models/organization'
import { createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { createFakeAccount, fakeInbound, postFakeWebhook, SENDER } from '#tests/helpers/messaging'
import { createConversation } from '#tests/helpers/conversations'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function tagNames(contactId: number) {
  const rows = await db
    .from('contact_tags')
    .join('tags', 'tags.id', 'contact_tags.tag_id')
    .where('contact_id', contactId)
    .orderBy('tags.name')
    .select('tags.name')
  return rows.map((row) => row.name)
}

test.group('Conversations | tags, close, opt out', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('tags apply and come off; an escalating tag escalates until the last one is removed', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const { contact, conversation } = await createConversation(texter)
    const volunteer = await Tag.create({ organizationId: org, name: 'volunteer', escalates: false })
    const angry = await Tag.create({ organizationId: org, name: 'angry', escalates: true })
    const press = await Tag.create({ organizationId: org, name: 'press', escalates: true })
    const apply = (tag: Tag) =>
      asMember(client.post(urlFor('conversations.tag', { id: conversation.id })), texter).json({
        tagId: tag.id,
      })
    const remove = (tag: Tag) =>
      asMember(
        client.delete(urlFor('conversations.untag', { id: conversation.id, tagId: tag.id })),
        texter
      )

    await apply(volunteer)
    await apply(volunteer)
    assert.deepEqual(await tagNames(contact.id), ['volunteer'])
    await conversation.refresh()
    assert.isNull(conversation.escalatedAt)

    await apply(angry)
    await apply(press)
    await conversation.refresh()
    assert.isNotNull(conversation.escalatedAt)
    await remove(angry)
    await conversation.refresh()
    assert.isNotNull(conversation.escalatedAt, 'another escalating tag is still on')
    await remove(press)
    await remove(press)
    await conversation.refresh()
    assert.isNull(conversation.escalatedAt)
    assert.deepEqual(await tagNames(contact.id), ['volunteer'])

    const page = inertiaPage(
      await asMember(client.get(urlFor('conversations.show', { id: conversation.id })), texter)
    )
    assert.deepEqual(
      page.props.tags.map((tag: { name: string; applied: boolean }) => [tag.name, tag.applied]),
      [
        ['angry', false],
        ['press', false],
        ['volunteer', true],
      ]
    )

    // Another organization's tag is not found.
    const stranger = await createMember('owner')
    const theirs = await Tag.create({
      organizationId: stranger.organizationId,
      name: 'x',
      escalates: false,
    })
    const refused = await apply(theirs)
    refused.assertStatus(404)
  })

  test('closing ends the conversation until the person writes again', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const account = await createFakeAccount(texter.organizationId)
    const { contact, conversation } = await createConversation(texter, {
      status: 'needs_response',
    })
    const close = () =>
      asMember(client.post(urlFor('conversations.close', { id: conversation.id })), texter)

    const closed = await close()
    closed.assertFlashMessage('success', 'Conversation closed. A new reply reopens it.')
    await close()
    await conversation.refresh()
    assert.equal(conversation.status, 'closed')

    await postFakeWebhook(account, fakeInbound(contact.phone, 'Actually, one question'))
    await conversation.refresh()
    assert.equal(conversation.status, 'needs_response')
  })

  test('opting out with the confirmation: listed, ended everywhere, one text however often asked', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const organization = await Organization.findOrFail(org)
    organization.settings = { ...organization.settings, optOutReply: 'You will get no more texts.' }
    await organization.save()
    const contact = await createContact(org)
    const { conversation } = await createConversation(texter, { contact, status: 'needs_response' })
    const other = await createConversation(texter, { contact, status: 'conversing' })

    for (let i = 0; i < 2; i++) {
      const response = await asMember(
        client.post(urlFor('conversations.opt_out', { id: conversation.id })),
        texter
      ).json({ confirm: true })
      response.assertStatus(302)
    }

    const record = await OptOut.findByOrFail({ organizationId: org, phone: contact.phone })
    assert.equal(record.source, 'texter')
    assert.equal(record.createdById, texter.userId)
    for (const row of [conversation, other.conversation]) {
      await row.refresh()
      assert.equal(row.status, 'opted_out')
    }
    const confirmations = await Message.query()
      .where('to_phone', contact.phone)
      .where('purpose', 'opt_out_confirmation')
    assert.lengthOf(confirmations, 1)
    assert.containSubset(confirmations[0].serialize(), {
      body: 'You will get no more texts.',
      from: SENDER,
      campaignContactId: conversation.id,
    })

    // The thread says why it ended.
    const page = inertiaPage(
      await asMember(client.get(urlFor('conversations.show', { id: conversation.id })), texter)
    )
    assert.containSubset(page.props.optOut, { source: 'texter' })
    assert.include(page.props.optOut.reason, 'Get out the vote')
  })

  test('opting out without the confirmation sends nothing; a closed conversation shows opted out', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const { contact, conversation } = await createConversation(texter, { status: 'closed' })

    await asMember(
      client.post(urlFor('conversations.opt_out', { id: conversation.id })),
      texter
    ).json({
      confirm: false,
    })
    await conversation.refresh()
    assert.equal(conversation.status, 'opted_out')
    const sent = await Message.query()
      .where('to_phone', contact.phone)
      .where('direction', 'outbound')
    assert.lengthOf(sent, 1, 'only the first text')
  })

  test('an inbound STOP closes the conversation and the thread shows why', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const account = await createFakeAccount(texter.organizationId)
    const { contact, conversation } = await createConversation(texter)
    await postFakeWebhook(account, fakeInbound(contact.phone, 'STOP'))

    const page = inertiaPage(
      await asMember(client.get(urlFor('conversations.show', { id: conversation.id })), texter)
    )
    assert.equal(page.props.conversation.status, 'opted_out')
    assert.deepInclude(page.props.optOut, { source: 'keyword', reason: 'Replied "STOP"' })
    assert.deepEqual(
      page.props.messages.map((m: { direction: string; purpose: string | null }) => [
        m.direction,
        m.purpose,
      ]),
      [
        ['outbound', null],
        ['inbound', null],
        ['outbound', 'opt_out_confirmation'],
      ]
    )
  })
})
