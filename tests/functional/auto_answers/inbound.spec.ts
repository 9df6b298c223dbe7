import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AutoAnswerRule from '#models/auto_answer_rule'
import InteractionStep from '#models/interaction_step'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import SurveyResponse from '#models/survey_response'
import Tag from '#models/tag'
import type ProviderAccount from '#models/provider_account'
import { clock } from '#services/clock'
import sms from '#services/sms'
import { Dispatcher } from '#services/outbox/dispatcher'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { createContact } from '#tests/helpers/contacts'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import {
  createActiveCampaign,
  createConversation,
  SURVEY,
  zoneAt,
} from '#tests/helpers/conversations'
import { GOOD_MESSAGE } from '#tests/helpers/campaigns'
import { autoAnswersTo, createRule } from '#tests/helpers/auto_answers'
import { recordBroadcasts } from '#tests/helpers/realtime'
import { memberChannel } from '#services/realtime/updates'
import { asMember } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function textIn(account: ProviderAccount, phone: string, body: string) {
  const inbound = fakeInbound(phone, body)
  await postFakeWebhook(account, inbound)
  return { inbound, message: await Message.findByOrFail('provider_message_id', inbound.id) }
}

test.group('Auto answers | inbound texts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => () => clock.reset())

  test('a keyword answers at once, whatever the case, spaces and punctuation', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const account = await createFakeAccount(org)
    const { contact, conversation } = await createConversation(texter)
    const rule = await createRule(org, {
      keywords: ['yes', 'Y'],
      answer: 'Thanks {firstName}, {orgName} will be in touch.',
    })

    const { message } = await textIn(account, contact.phone, '  y E s!! ')
    const [answer] = await autoAnswersTo(contact.phone)
    assert.equal(answer.body, `Thanks Ada, ${texter.organization.name} will be in touch.`)
    assert.equal(answer.idempotencyKey, `auto:${message.id}`)
    assert.equal(answer.status, 'queued')
    assert.equal(answer.campaignContactId, conversation.id)
    assert.equal(answer.providerAccountId, account.id)
    await rule.refresh()
    assert.equal(rule.fired, 1)
    const listed = await client
      .get(`/api/v1/messages?contactId=${contact.id}&direction=outbound`)
      .bearerToken(
        await apiTokenFor(await createMember('admin', { organization: texter.organization }))
      )
    assertMatchesApiDoc(listed)
    assert.containSubset(listed.body().data, [{ id: answer.id, purpose: 'auto_answer' }])

    const other = await createContact(org)
    await textIn(account, other.phone, 'yes please')
    await rule.refresh()
    assert.equal(rule.fired, 1)
  })

  test('the thread shows the answer and which rule sent it; watchers hear of it', async ({
    client,
    assert,
  }) => {
    const broadcasts = recordBroadcasts()
    try {
      const texter = await createMember('texter')
      const org = texter.organizationId
      const account = await createFakeAccount(org)
      const { contact, conversation } = await createConversation(texter)
      await createRule(org, { keywords: ['yes', 'y'], answer: 'Thanks!' })

      const { message } = await textIn(account, contact.phone, 'Yes')
      const heard = broadcasts.on(memberChannel(org, texter.userId))
      assert.containSubset(heard[0], {
        type: 'message.received',
        message: { id: message.id, campaignContactId: conversation.id },
      })

      const page = await asMember(
        client.get(urlFor('conversations.show', { id: conversation.id })),
        texter
      )
      const { messages } = inertiaPage(page).props
      assert.containSubset(messages.slice(-2), [
        { id: message.id, direction: 'inbound', autoAnsweredBy: 'yes, y' },
        { direction: 'outbound', body: 'Thanks!', purpose: 'auto_answer', autoAnsweredBy: null },
      ])
    } finally {
      broadcasts.restore()
    }
  })

  test('a campaign’s rule is tried before the organization’s', async ({ assert }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const account = await createFakeAccount(org)
    const { contact, campaign } = await createConversation(texter)
    const stranger = await createContact(org)
    await createRule(org, { keywords: ['info2'], answer: 'Organization answer' })
    await createRule(org, {
      campaignId: campaign.id,
      keywords: ['INFO2'],
      answer: 'Campaign answer',
    })

    await textIn(account, contact.phone, 'info2')
    await textIn(account, stranger.phone, 'info2')
    const [campaignAnswer] = await autoAnswersTo(contact.phone)
    const [orgAnswer] = await autoAnswersTo(stranger.phone)
    assert.equal(campaignAnswer.body, 'Campaign answer')
    assert.equal(orgAnswer.body, 'Organization answer')
  })

  test('records the survey answer, tags the contact and closes the conversation', async ({
    assert,
  }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const account = await createFakeAccount(org)
    const campaign = await createActiveCampaign(texter, {
      script: { initial: [{ body: GOOD_MESSAGE }], steps: SURVEY, cannedResponses: [] },
    })
    const steps = await InteractionStep.query().where('campaign_id', campaign.id)
    const question = steps.find((step) => step.question === 'Will you vote?')!
    const yes = steps.find((step) => step.answerOption === 'Yes')!
    const tag = await Tag.create({ organizationId: org, name: 'Voter', escalates: true })
    const { contact, conversation } = await createConversation(texter, { campaign })
    await createRule(org, {
      campaignId: campaign.id,
      keywords: ['1'],
      answer: 'Noted!',
      questionStepId: question.id,
      answerStepId: yes.id,
      tags: ['Voter'],
      close: true,
    })

    const broadcasts = recordBroadcasts()
    await textIn(account, contact.phone, '1.').finally(() => broadcasts.restore())
    const changes = broadcasts
      .on(memberChannel(org, texter.userId))
      .filter((update) => update.type === 'conversation.updated')
    assert.equal(changes.at(-1)?.conversation.status, 'closed')
    const responses = await SurveyResponse.query().where('campaign_contact_id', conversation.id)
    assert.deepEqual(
      responses.map((row) => [row.questionStepId, row.answerStepId, row.value]),
      [[question.id, yes.id, 'Yes']]
    )
    await contact.load('tags')
    assert.deepEqual(
      contact.tags.map((applied) => applied.id),
      [tag.id]
    )
    await conversation.refresh()
    assert.equal(conversation.status, 'closed')
    assert.isNotNull(conversation.escalatedAt)
  })

  test('a repeated webhook gets one answer', async ({ assert }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const account = await createFakeAccount(org)
    const { contact } = await createConversation(texter)
    await createRule(org, { keywords: ['yes'], answer: 'Thanks!' })

    const inbound = fakeInbound(contact.phone, 'YES')
    await postFakeWebhook(account, inbound)
    await postFakeWebhook(account, inbound)
    assert.lengthOf(await autoAnswersTo(contact.phone), 1)
  })

  test('STOP and plain requests to stop win over any rule', async ({ assert }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const account = await createFakeAccount(org)
    const first = await createContact(org)
    const second = await createContact(org)
    await createRule(org, { keywords: ['stop', 'please stop', 'help'], answer: 'Rule answer' })

    await textIn(account, first.phone, 'Stop')
    await textIn(account, second.phone, 'please stop')
    for (const phone of [first.phone, second.phone]) {
      assert.lengthOf(await autoAnswersTo(phone), 0)
      assert.isNotNull(await OptOut.query().where('phone', phone).first())
    }
    const helped = await createContact(org)
    await textIn(account, helped.phone, 'HELP')
    assert.lengthOf(await autoAnswersTo(helped.phone), 0)
  })

  test('one automatic answer per contact per ten minutes (the loop guard)', async ({ assert }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const account = await createFakeAccount(org)
    const { contact } = await createConversation(texter)
    await createRule(org, { keywords: ['yes'], answer: 'Thanks!' })

    await textIn(account, contact.phone, 'yes')
    clock.travel(9 * 60_000)
    await textIn(account, contact.phone, 'yes')
    assert.lengthOf(await autoAnswersTo(contact.phone), 1)

    clock.travel(2 * 60_000)
    await textIn(account, contact.phone, 'yes')
    assert.lengthOf(await autoAnswersTo(contact.phone), 2)
  })

  test('outside texting hours the answer goes within ten minutes of the text, never later', async ({
    assert,
  }) => {
    sms.fake()
    try {
      const texter = await createMember('texter')
      const org = texter.organizationId
      const account = await createFakeAccount(org)
      await createRule(org, { keywords: ['yes'], answer: 'Thanks!' })
      const dispatcher = new Dispatcher({ clock: () => clock.now() })

      const asleep = await createContact(org, { firstName: 'Ada', timezone: zoneAt(3) })
      const soon = await createConversation(texter, { contact: asleep })
      await textIn(account, soon.contact.phone, 'yes')
      clock.travel(5 * 60_000)
      await dispatcher.drainOnce()
      const [sent] = await autoAnswersTo(soon.contact.phone)
      assert.equal(sent.status, 'sent')

      const later = await createConversation(texter, {
        contact: await createContact(org, { timezone: zoneAt(3) }),
      })
      await textIn(account, later.contact.phone, 'yes')
      clock.travel(11 * 60_000)
      await dispatcher.drainOnce()
      const [late] = await autoAnswersTo(later.contact.phone)
      assert.equal(late.status, 'failed')
      assert.equal(late.errorCode, 'outside_texting_hours')
    } finally {
      sms.restore()
    }
  })

  test('an opted-out phone, another organization’s rule and a disabled rule get no answer', async ({
    assert,
  }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const account = await createFakeAccount(org)
    const other = await createMember('admin')
    await createRule(other.organizationId, { keywords: ['hello'], answer: 'Other org' })
    await createRule(org, { keywords: ['maybe'], answer: 'Disabled', enabled: false })
    await createRule(org, { keywords: ['yes'], answer: 'Thanks!' })

    const optedOut = await createContact(org)
    await OptOut.create({ organizationId: org, phone: optedOut.phone, source: 'admin' })
    await textIn(account, optedOut.phone, 'yes')
    const stranger = await createContact(org)
    await textIn(account, stranger.phone, 'hello')
    await textIn(account, stranger.phone, 'maybe')
    assert.lengthOf(await autoAnswersTo(optedOut.phone), 0)
    assert.lengthOf(await autoAnswersTo(stranger.phone), 0)
    const otherRule = await AutoAnswerRule.findByOrFail('organization_id', other.organizationId)
    assert.equal(otherRule.fired, 0)
  })
})
