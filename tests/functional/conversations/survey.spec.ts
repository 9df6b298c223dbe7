import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import InteractionStep from '#models/interaction_step'
import SurveyResponse from '#models/survey_response'
import CannedResponse from '#models/canned_response'
import type Membership from '#models/membership'
import { createMember } from '#tests/helpers/members'
import { createActiveCampaign, createConversation, SURVEY } from '#tests/helpers/conversations'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember } from '#tests/helpers/web'
import { GOOD_MESSAGE } from '#tests/helpers/campaigns'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function surveyed(texter: Membership) {
  const campaign = await createActiveCampaign(texter, {
    script: {
      initial: [{ body: GOOD_MESSAGE }],
      steps: SURVEY,
      cannedResponses: [{ title: 'Polling place', body: 'Find yours at vote.org, {firstName}.' }],
    },
  })
  const steps = await InteractionStep.query().where('campaign_id', campaign.id)
  // An answer by its text, a question by its text (a follow-up question is asked by its answer's step).
  const step = (text: string) =>
    steps.find((row) => row.answerOption === text) ?? steps.find((row) => row.question === text)!
  return { step, ...(await createConversation(texter, { campaign })) }
}

async function answers(conversationId: number) {
  const rows = await SurveyResponse.query()
    .where('campaign_contact_id', conversationId)
    .orderBy('question_step_id')
  return rows.map((row) => [row.questionStepId, row.value])
}

test.group('Conversations | survey and canned responses', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the page offers the questions reached, with follow-ups filled in for this contact', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    await CannedResponse.create({
      organizationId: texter.organizationId,
      campaignId: null,
      title: 'Who we are',
      body: '{orgName} is a volunteer group.',
      tags: [],
      position: 0,
    })
    const { step, conversation } = await surveyed(texter)
    const url = urlFor('conversations.show', { id: conversation.id })

    let page = inertiaPage(await asMember(client.get(url), texter))
    assert.deepEqual(page.props.survey, [
      {
        stepId: step('Will you vote?').id,
        question: 'Will you vote?',
        chosenId: null,
        answers: [
          { stepId: step('Yes').id, answer: 'Yes', followUp: 'Great, Ada! Need a ride?' },
          { stepId: step('No').id, answer: 'No', followUp: 'Thanks for your time, Ada.' },
        ],
      },
    ])
    assert.deepEqual(
      page.props.cannedResponses.map((r: { title: string; body: string; scope: string }) => [
        r.title,
        r.body,
        r.scope,
      ]),
      [
        ['Polling place', 'Find yours at vote.org, Ada.', 'campaign'],
        ['Who we are', `${texter.organization.name} is a volunteer group.`, 'organization'],
      ]
    )

    await asMember(
      client.post(urlFor('conversations.answer', { id: conversation.id })),
      texter
    ).json({
      questionStepId: step('Will you vote?').id,
      answerStepId: step('Yes').id,
    })
    page = inertiaPage(await asMember(client.get(url), texter))
    assert.deepEqual(
      page.props.survey.map((q: { question: string; chosenId: number | null }) => [
        q.question,
        q.chosenId,
      ]),
      [
        ['Will you vote?', step('Yes').id],
        ['Need a ride?', null],
      ]
    )
  })

  test('answers are recorded once per question; a new choice drops the answers below the old one', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const { step, conversation } = await surveyed(texter)
    const answer = (question: string, choice: string) =>
      asMember(client.post(urlFor('conversations.answer', { id: conversation.id })), texter).json({
        questionStepId: step(question).id,
        answerStepId: step(choice).id,
      })

    await answer('Will you vote?', 'Yes')
    await answer('Will you vote?', 'Yes')
    await answer('Need a ride?', 'Ride')
    assert.deepEqual(await answers(conversation.id), [
      [step('Will you vote?').id, 'Yes'],
      [step('Yes').id, 'Ride'],
    ])
    const [first] = await SurveyResponse.query().where('campaign_contact_id', conversation.id)
    assert.equal(first.answeredById, texter.userId)

    await answer('Will you vote?', 'No')
    assert.deepEqual(await answers(conversation.id), [[step('Will you vote?').id, 'No']])
  })

  test('refuses a question not reached yet, and an answer of another question', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const { step, conversation } = await surveyed(texter)
    const url = urlFor('conversations.answer', { id: conversation.id })

    const early = await asMember(client.post(url), texter).json({
      questionStepId: step('Yes').id,
      answerStepId: step('Ride').id,
    })
    early.assertFlashMessage('error', 'That question is not asked in this conversation')
    const wrong = await asMember(client.post(url), texter).json({
      questionStepId: step('Will you vote?').id,
      answerStepId: step('Ride').id,
    })
    wrong.assertFlashMessage('error', 'Choose one of that question’s answers')
    // Another campaign's steps are not this conversation's questions either.
    const other = await surveyed(texter)
    const foreign = await asMember(client.post(url), texter).json({
      questionStepId: other.step('Will you vote?').id,
      answerStepId: other.step('Yes').id,
    })
    foreign.assertFlashMessage('error', 'That question is not asked in this conversation')
    assert.deepEqual(await answers(conversation.id), [])
  })
})
