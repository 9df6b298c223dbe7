import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { Webhook } from 'standardwebhooks'
import Export from '#models/export'
import Message from '#models/message'
import InteractionStep from '#models/interaction_step'
import type Membership from '#models/membership'
import type WebhookEndpoint from '#models/webhook_endpoint'
import TagConversation from '#actions/conversations/tag_conversation'
import AnswerQuestion from '#actions/conversations/answer_question'
import UpdateContact from '#actions/contacts/update_contact'
import EraseContact from '#actions/contacts/erase_contact'
import Contact from '#models/contact'
import ChangeCampaignStatus from '#actions/campaigns/change_campaign_status'
import ExportCampaignJob from '#jobs/export_campaign_job'
import { GOOD_MESSAGE } from '#tests/helpers/campaigns'
import { createContact, createTag } from '#tests/helpers/contacts'
import {
  createActiveCampaign,
  createConversation,
  SURVEY,
  zoneAt,
} from '#tests/helpers/conversations'
import { importFixture } from '#tests/helpers/imports'
import { createMember } from '#tests/helpers/members'
import {
  createFakeAccount,
  fakeInbound,
  fakeStatus,
  postFakeWebhook,
} from '#tests/helpers/messaging'
import { assertMatchesWebhookDoc } from '#tests/helpers/openapi'
import { launchedCampaign } from '#tests/helpers/texting'
import {
  createEndpoint,
  deliverAll,
  startReceiver,
  type WebhookReceiver,
} from '#tests/helpers/webhook_receiver'

/**
 * Every body the receiver got, each checked: signed as Standard Webhooks
 * says (verified with the `standardwebhooks` library) and shaped as
 * docs/openapi.yaml documents its event type.
 */
async function delivered(receiver: WebhookReceiver, endpoint: WebhookEndpoint) {
  await deliverAll()
  const verifier = new Webhook(endpoint.secret)
  return receiver.received.map((request) => {
    assertMatchesWebhookDoc(request.body)
    return verifier.verify(request.body, request.headers as Record<string, string>) as {
      id: string
      type: string
      data: Record<string, any>
    }
  })
}

const ofType = (events: { type: string; data: any }[], type: string) =>
  events.filter((event) => event.type === type).map((event) => event.data)

async function setup(cleanup: (handler: () => Promise<void>) => void) {
  const admin = await createMember('admin')
  const receiver = await startReceiver(cleanup)
  const endpoint = await createEndpoint(admin, receiver)
  return { admin, receiver, endpoint }
}

/** An outbound text the fake carrier took (provider id `FK…`), to report statuses on. */
async function sentText(admin: Membership) {
  const account = await createFakeAccount(admin.organizationId)
  const contact = await createContact(admin.organizationId)
  const message = await Message.create({
    organizationId: admin.organizationId,
    providerAccountId: account.id,
    contactId: contact.id,
    direction: 'outbound',
    body: 'Hello',
    from: '+12025550199',
    to: contact.phone,
    status: 'sent',
    providerMessageId: `FKout${contact.id}`,
    segments: 1,
    encoding: 'GSM-7',
    attempts: 1,
  })
  return { account, contact, message }
}

test.group('Outbound webhooks | events', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('message.received, opt_out.created and opt_out.lifted from inbound texts, in order', async ({
    assert,
    cleanup,
  }) => {
    const { admin, receiver, endpoint } = await setup(cleanup)
    const account = await createFakeAccount(admin.organizationId)
    await postFakeWebhook(account, fakeInbound('+12025550142', 'Yes, count me in'))
    await postFakeWebhook(account, fakeInbound('+12025550142', 'STOP'))
    await postFakeWebhook(account, fakeInbound('+12025550142', 'START'))

    const events = await delivered(receiver, endpoint)
    assert.deepEqual(
      events.map((event) => event.type),
      [
        'message.received',
        'message.received',
        'opt_out.created',
        'message.received',
        'opt_out.lifted',
      ]
    )
    assert.equal(ofType(events, 'message.received')[0].message.body, 'Yes, count me in')
    assert.containSubset(ofType(events, 'opt_out.created')[0], {
      optOut: { phone: '+12025550142', source: 'keyword' },
    })
    assert.containSubset(ofType(events, 'opt_out.lifted')[0], {
      optOut: { phone: '+12025550142', source: 'keyword' },
    })
    // Stable ids: each event its own, the envelope's id is the header's.
    assert.lengthOf(new Set(events.map((event) => event.id)), 5)
  })

  test('message.status: delivered, and failed with the reason', async ({ assert, cleanup }) => {
    const { admin, receiver, endpoint } = await setup(cleanup)
    const delivered1 = await sentText(admin)
    const failed = await sentText(admin)
    await postFakeWebhook(
      delivered1.account,
      fakeStatus(delivered1.message.providerMessageId!, 'delivered'),
      {
        kind: 'status',
      }
    )
    await postFakeWebhook(
      failed.account,
      fakeStatus(failed.message.providerMessageId!, 'failed', {
        code: '30006',
        message: 'Landline or unreachable carrier',
      }),
      { kind: 'status' }
    )

    const statuses = ofType(await delivered(receiver, endpoint), 'message.status')
    assert.containSubset(statuses, [
      { message: { id: delivered1.message.id, status: 'delivered' }, reason: null },
      {
        message: { id: failed.message.id, status: 'failed' },
        reason: { code: '30006' },
        contact: { id: failed.contact.id },
      },
    ])
  })

  test('conversation.tagged and survey.answered from a texter’s conversation', async ({
    assert,
    cleanup,
  }) => {
    const { admin, receiver, endpoint } = await setup(cleanup)
    const campaign = await createActiveCampaign(admin, {
      script: { initial: [{ body: GOOD_MESSAGE }], steps: SURVEY },
    })
    const contact = await createContact(admin.organizationId, { timezone: zoneAt(12) })
    const { conversation } = await createConversation(admin, { campaign, contact })
    const tag = await createTag(admin.organizationId, 'volunteer')
    await TagConversation.handle({ conversation, tag, applied: true })
    // Applying it again records nothing new.
    await TagConversation.handle({ conversation, tag, applied: true })

    const question = await InteractionStep.query()
      .where('campaign_id', campaign.id)
      .whereNull('parent_id')
      .firstOrFail()
    const answer = await InteractionStep.query().where('parent_id', question.id).firstOrFail()
    await AnswerQuestion.handle({
      actor: admin,
      conversation,
      questionStepId: question.id,
      answerStepId: answer.id,
    })

    const events = await delivered(receiver, endpoint)
    assert.deepEqual(ofType(events, 'conversation.tagged'), [
      {
        tag: { id: tag.id, name: 'volunteer' },
        contact: { id: contact.id },
        conversationId: conversation.id,
        campaignId: campaign.id,
      },
    ])
    assert.containSubset(ofType(events, 'survey.answered'), [
      {
        question: { id: question.id, text: 'Will you vote?' },
        answer: { id: answer.id, value: 'Yes' },
        contact: { id: contact.id },
        campaignId: campaign.id,
      },
    ])
  })

  test('contact.created and import.completed from an import, contact.updated from an edit', async ({
    assert,
    cleanup,
  }) => {
    const { admin, receiver, endpoint } = await setup(cleanup)
    const record = await importFixture(admin, 'messy.csv')
    const created = ofType(await delivered(receiver, endpoint), 'contact.created')
    assert.equal(created.length, record.rowsCreated)
    assert.isAbove(created.length, 0)
    assert.isTrue(created.every((data) => data.source === 'import'))

    const imported = ofType(receiver.events(), 'import.completed')
    assert.containSubset(imported, [
      { import: { id: record.id, created: record.rowsCreated, invalid: record.rowsInvalid } },
    ])

    const contact = await createContact(admin.organizationId, { firstName: 'Ana' })
    await UpdateContact.handle({
      actor: admin,
      contact,
      data: { firstName: 'Anna', lastName: 'García' } as any,
    })
    const updated = ofType(await delivered(receiver, endpoint), 'contact.updated')
    assert.containSubset(updated, [
      { contact: { id: contact.id, firstName: 'Anna', lastName: 'García' }, source: 'edit' },
    ])
  })

  test('campaign.launched, campaign.completed and export.completed', async ({
    assert,
    cleanup,
  }) => {
    const { admin, receiver, endpoint } = await setup(cleanup)
    const { campaign } = await launchedCampaign(admin, { contacts: 2 })
    await ChangeCampaignStatus.handle({ actor: admin, campaign, change: 'complete' })
    const record = await Export.create({
      organizationId: admin.organizationId,
      campaignId: campaign.id,
      createdById: admin.userId,
      kind: 'contacts',
      status: 'running',
    })
    await ExportCampaignJob.run(record.id)

    const events = await delivered(receiver, endpoint)
    assert.containSubset(ofType(events, 'campaign.launched'), [
      { campaign: { id: campaign.id, status: 'active' }, targeted: 2 },
    ])
    assert.containSubset(ofType(events, 'campaign.completed'), [
      { campaign: { id: campaign.id, status: 'completed' } },
    ])
    assert.containSubset(ofType(events, 'export.completed'), [
      { export: { id: record.id, kind: 'contacts', rows: 2 }, campaignId: campaign.id },
    ])
    const logged = await db.from('domain_events').where('organization_id', admin.organizationId)
    assert.includeMembers(
      logged.map((row) => row.type),
      ['campaign.launched', 'campaign.completed', 'export.completed']
    )
  })

  test('erasing a person redacts their events, even one still waiting to be delivered', async ({
    assert,
    cleanup,
  }) => {
    const { admin, receiver, endpoint } = await setup(cleanup)
    const account = await createFakeAccount(admin.organizationId)
    await postFakeWebhook(account, fakeInbound('+12025550177', 'My address is 12 Elm St'))
    const contact = await Contact.query()
      .where('organization_id', admin.organizationId)
      .where('phone', '+12025550177')
      .firstOrFail()
    await EraseContact.handle({ actor: admin, contact, optOut: false })

    const [received] = ofType(await delivered(receiver, endpoint), 'message.received')
    assert.equal(received.message.body, '')
    assert.equal(received.contact.id, contact.id)
    const logged = await db.from('domain_events').where('contact_id', contact.id)
    assert.isTrue(logged.every((row) => !row.payload.includes('12 Elm St')))
  })
})
