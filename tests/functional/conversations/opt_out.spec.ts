import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type CampaignContact from '#models/campaign_contact'
import RecordOptOut from '#actions/opt_outs/record_opt_out'
import { createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { createConversation } from '#tests/helpers/conversations'

async function statusOf(conversation: CampaignContact) {
  await conversation.refresh()
  return conversation.status
}

test.group('Conversations | opt-out ends them', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every open conversation with the phone becomes opted out; ended ones and others stay', async ({
    assert,
  }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const contact = await createContact(org)
    const open = await createConversation(texter, { contact, status: 'needs_response' })
    const waiting = await createConversation(texter, { contact, status: 'needs_message' })
    const closed = await createConversation(texter, { contact, status: 'closed' })
    const failed = await createConversation(texter, { contact, status: 'failed' })
    const someoneElse = await createConversation(texter, { status: 'conversing' })
    // The same phone in another organization is another person's consent.
    const elsewhere = await createMember('texter')
    const samePhone = await createContact(elsewhere.organizationId, { phone: contact.phone })
    const otherOrg = await createConversation(elsewhere, { contact: samePhone, status: 'messaged' })

    const { created } = await RecordOptOut.handle({
      organizationId: org,
      phone: contact.phone,
      source: 'admin',
    })
    assert.isTrue(created)

    assert.equal(await statusOf(open.conversation), 'opted_out')
    assert.equal(await statusOf(waiting.conversation), 'opted_out')
    assert.equal(await statusOf(closed.conversation), 'closed')
    assert.equal(await statusOf(failed.conversation), 'failed')
    assert.equal(await statusOf(someoneElse.conversation), 'conversing')
    assert.equal(await statusOf(otherOrg.conversation), 'messaged')
  })

  test('recording an existing opt-out again still ends a conversation opened since', async ({
    assert,
  }) => {
    const texter = await createMember('texter')
    const contact = await createContact(texter.organizationId)
    const optOut = {
      organizationId: texter.organizationId,
      phone: contact.phone,
      source: 'admin' as const,
    }
    await RecordOptOut.handle(optOut)
    const { conversation } = await createConversation(texter, { contact, status: 'messaged' })

    const { created } = await RecordOptOut.handle(optOut)
    assert.isFalse(created)
    assert.equal(await statusOf(conversation), 'opted_out')
  })
})
