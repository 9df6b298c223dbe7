import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import TagConversation from '#actions/conversations/tag_conversation'
import AnswerQuestion from '#actions/conversations/answer_question'
import RecordOptOut from '#actions/opt_outs/record_opt_out'
import SaveCampaignMapping from '#actions/integrations/save_campaign_mapping'
import IntegrationAccount from '#models/integration_account'
import { clock } from '#services/clock'
import { IntegrationWorker } from '#services/integrations/worker'
import { createContact, createTag } from '#tests/helpers/contacts'
import { createActiveCampaign, createConversation, SURVEY } from '#tests/helpers/conversations'
import { GOOD_MESSAGE } from '#tests/helpers/campaigns'
import { createMember } from '#tests/helpers/members'
import { createIntegrationAccount, firstQuestion } from '#tests/helpers/integrations'
import { everyActionStandin, VAN_PEOPLE } from '#tests/fixtures/integrations/everyaction_kit'
import { actionNetworkStandin, AN_PEOPLE } from '#tests/fixtures/integrations/actionnetwork_kit'

function syncItems(accountId: number) {
  return db
    .from('integration_sync_items')
    .where('account_id', accountId)
    .orderBy('id')
    .select('kind', 'status', 'attempts', 'error', 'contact_id')
}

/** A campaign with a survey, and a conversation with each of `people` (phone, externalId). */
async function campaignWith(people: Array<{ phone: string; externalId: string }>) {
  const admin = await createMember('admin')
  const campaign = await createActiveCampaign(admin, {
    script: { initial: [{ body: GOOD_MESSAGE }], steps: SURVEY },
  })
  const conversations = []
  for (const person of people) {
    const contact = await createContact(admin.organizationId, person)
    const { conversation } = await createConversation(admin, { campaign, contact })
    conversations.push(conversation)
  }
  return { admin, campaign, conversations, ...(await firstQuestion(campaign)) }
}

test.group('CRM sync | results', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('a mapped survey answer, a tag and an opt-out reach the CRM; one failing person is retried', async ({
    assert,
    cleanup,
  }) => {
    const { standin, config } = await everyActionStandin()
    cleanup(() => standin.close())
    const [ada, bayard] = VAN_PEOPLE
    const { admin, campaign, conversations, question, answer } = await campaignWith([
      { phone: ada.phone, externalId: String(ada.vanId) },
      { phone: bayard.phone, externalId: String(bayard.vanId) },
    ])
    const account = await createIntegrationAccount(admin, config)
    const tag = await createTag(admin.organizationId, 'volunteer')
    await SaveCampaignMapping.handle({
      account,
      campaign,
      entries: [
        { kind: 'question', localId: question.id, remoteId: '71' },
        { kind: 'answer', localId: answer.id, remoteId: '701' },
        { kind: 'tag', localId: tag.id, remoteId: '88' },
      ],
    })

    standin.failingVanIds.add(bayard.vanId)
    for (const conversation of conversations) {
      await AnswerQuestion.handle({
        actor: admin,
        conversation,
        questionStepId: question.id,
        answerStepId: answer.id,
      })
    }
    await TagConversation.handle({ conversation: conversations[0], tag, applied: true })
    await RecordOptOut.handle({
      organizationId: admin.organizationId,
      phone: ada.phone,
      source: 'admin',
    })

    const worker = new IntegrationWorker()
    await worker.runOnce()
    assert.containSubset(await syncItems(account.id), [
      { kind: 'survey_response', status: 'succeeded' },
      { kind: 'survey_response', status: 'pending', attempts: 1 },
      { kind: 'tag', status: 'succeeded' },
      { kind: 'opt_out', status: 'succeeded' },
    ])
    const [, failed] = await syncItems(account.id)
    assert.include(failed.error, 'INTERNAL_SERVER_ERROR')
    assert.deepEqual(
      standin.canvassResponses.map((entry) => [entry.vanId, entry.body.responses[0]]),
      [
        [ada.vanId, { type: 'SurveyResponse', surveyQuestionId: 71, surveyResponseId: 701 }],
        [ada.vanId, { type: 'ActivistCode', activistCodeId: 88, action: 'Apply' }],
      ]
    )
    assert.deepEqual(standin.optedOutPhones, [ada.phone])

    // Not due yet: nothing is sent again until the backoff passes.
    standin.failingVanIds.clear()
    await worker.runOnce()
    assert.lengthOf(standin.canvassResponses, 2)
    clock.travel(31_000)
    await worker.runOnce()
    const [, retried] = await syncItems(account.id)
    assert.equal(retried.status, 'succeeded')
    assert.equal(standin.canvassResponses[2].vanId, bayard.vanId)
  })

  test('a 429 holds the queue for its Retry-After; unmapped answers and other organizations are not synced', async ({
    assert,
    cleanup,
  }) => {
    const { standin, config } = await actionNetworkStandin()
    cleanup(() => standin.close())
    const [first] = AN_PEOPLE
    const { admin, campaign, conversations, question, answer } = await campaignWith([
      { phone: first.phone, externalId: first.id },
    ])
    const account = await createIntegrationAccount(admin, config)
    const other = await campaignWith([{ phone: first.phone, externalId: first.id }])
    const tag = await createTag(admin.organizationId, 'volunteer')
    await SaveCampaignMapping.handle({
      account,
      campaign,
      entries: [{ kind: 'tag', localId: tag.id, remoteId: 'tag-vol' }],
    })
    await AnswerQuestion.handle({
      actor: admin,
      conversation: conversations[0],
      questionStepId: question.id,
      answerStepId: answer.id,
    })
    await TagConversation.handle({ conversation: conversations[0], tag, applied: true })
    const otherTag = await createTag(other.admin.organizationId, 'volunteer')
    await TagConversation.handle({
      conversation: other.conversations[0],
      tag: otherTag,
      applied: true,
    })

    standin.rateLimitNext(1, '120')
    const worker = new IntegrationWorker()
    await worker.runOnce()
    assert.containSubset(await syncItems(account.id), [
      { kind: 'tag', status: 'pending', attempts: 0 },
    ])
    assert.lengthOf(await syncItems(account.id), 1)
    const [limited] = await syncItems(account.id)
    assert.include(limited.error, 'Rate limited')

    clock.travel(60_000)
    await worker.runOnce()
    assert.lengthOf(standin.taggings, 0)
    clock.travel(61_000)
    await worker.runOnce()
    assert.deepEqual(standin.taggings, [{ tagId: 'tag-vol', personId: first.id }])
  })

  test('a tag meaning "wrong number" records the wrong-number result code; refusals are not retried', async ({
    assert,
    cleanup,
  }) => {
    const { standin, config } = await everyActionStandin()
    cleanup(() => standin.close())
    const [, , ella] = VAN_PEOPLE
    const { admin, campaign, conversations } = await campaignWith([
      { phone: ella.phone, externalId: String(ella.vanId) },
    ])
    const account = await createIntegrationAccount(admin, config)
    const wrongNumber = await createTag(admin.organizationId, 'wrong number')
    const unknown = await createTag(admin.organizationId, 'unknown code')
    await SaveCampaignMapping.handle({
      account,
      campaign,
      entries: [
        { kind: 'wrong_number', localId: wrongNumber.id, remoteId: '1' },
        { kind: 'tag', localId: unknown.id, remoteId: '999' },
      ],
    })
    await TagConversation.handle({
      conversation: conversations[0],
      tag: wrongNumber,
      applied: true,
    })
    await TagConversation.handle({ conversation: conversations[0], tag: unknown, applied: true })

    await new IntegrationWorker().runOnce()
    assert.containSubset(await syncItems(account.id), [
      { kind: 'wrong_number', status: 'succeeded' },
      { kind: 'tag', status: 'failed', attempts: 1 },
    ])
    assert.equal(standin.canvassResponses[0].body.resultCodeId, 20)
    assert.isNull(standin.canvassResponses[0].body.responses)
  })

  test('the event cursor survives a restart: a new worker neither repeats nor misses results', async ({
    assert,
    cleanup,
  }) => {
    const { standin, config } = await actionNetworkStandin()
    cleanup(() => standin.close())
    const [first, second] = AN_PEOPLE
    const { admin, campaign, conversations } = await campaignWith([
      { phone: first.phone, externalId: first.id },
      { phone: second.phone, externalId: second.id },
    ])
    const account = await createIntegrationAccount(admin, config)
    const tag = await createTag(admin.organizationId, 'volunteer')
    await SaveCampaignMapping.handle({
      account,
      campaign,
      entries: [{ kind: 'tag', localId: tag.id, remoteId: 'tag-vol' }],
    })

    await TagConversation.handle({ conversation: conversations[0], tag, applied: true })
    await new IntegrationWorker().runOnce()
    // Recorded while no worker runs.
    await TagConversation.handle({ conversation: conversations[1], tag, applied: true })

    const reloaded = await IntegrationAccount.findOrFail(account.id)
    assert.isAbove(reloaded.eventCursor, 0)
    await new IntegrationWorker().runOnce()
    await new IntegrationWorker().runOnce()
    assert.deepEqual(
      standin.taggings.map((tagging) => tagging.personId),
      [first.id, second.id]
    )
    assert.lengthOf(await syncItems(account.id), 2)
  })
})
