import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#models/contact'
import InteractionStep from '#models/interaction_step'
import SurveyResponse from '#models/survey_response'
import type CampaignContact from '#models/campaign_contact'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { asMember } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { createTag } from '#tests/helpers/contacts'
import { GOOD_MESSAGE } from '#tests/helpers/campaigns'
import { arrange, launchedCampaign, textOf } from '#tests/helpers/supervision'
import { urlFor } from '@adonisjs/core/services/url_builder'

const LONG_REPLY = `I will vote on Tuesday ${'and bring my neighbours '.repeat(10)}`

/**
 * Five contacts of a campaign with a yes/no survey:
 * 0 — Ana's, needs a reply (1 h), tagged donor, positive, "I will vote…";
 * 1 — Ben's, conversing (2 h), escalated, negative, answered "No";
 * 2 — nobody's, closed, answered "Yes";
 * 3 — never texted (not a conversation);
 * 4 — Ana's, texted, no reply yet.
 */
async function reviewWorld() {
  const owner = await createMember('owner')
  const organization = owner.organization
  const ana = await createMember('texter', { organization })
  const ben = await createMember('texter', { organization })
  const { campaign, rows } = await launchedCampaign(owner, 5, {
    script: {
      initial: [{ body: GOOD_MESSAGE }],
      steps: [
        {
          question: 'Will you vote?',
          answers: [
            { answer: 'Yes', script: 'Great!', next: null },
            { answer: 'No', script: 'Thanks anyway.', next: null },
          ],
        },
      ],
    },
  })
  const steps = await InteractionStep.query().where('campaign_id', campaign.id)
  const question = steps.find((step) => step.parentId === null)!
  const answer = (option: string) => steps.find((step) => step.answerOption === option)!
  const answered = (row: CampaignContact, option: string) =>
    SurveyResponse.create({
      organizationId: owner.organizationId,
      campaignId: campaign.id,
      campaignContactId: row.id,
      questionStepId: question.id,
      answerStepId: answer(option).id,
      value: option,
      answeredById: owner.userId,
    })

  const donor = await createTag(owner.organizationId, 'donor')
  const [r0, r1, r2, , r4] = rows
  await arrange([r0], {
    texter: ana,
    status: 'needs_response',
    messagedBy: ana,
    repliedHoursAgo: 1,
    sentiment: 'positive',
  })
  await arrange([r1], {
    texter: ben,
    status: 'conversing',
    messagedBy: ben,
    repliedHoursAgo: 2,
    escalated: true,
    sentiment: 'negative',
  })
  await arrange([r2], { texter: null, status: 'closed', messagedBy: ana })
  await arrange([r4], { texter: ana, status: 'messaged', messagedBy: ana })
  const contact = await Contact.findOrFail(r0.contactId)
  await contact.related('tags').attach([donor.id])
  await textOf(r0, {
    direction: 'outbound',
    body: 'Hi, will you vote?',
    sentBy: ana,
    minutesAgo: 90,
  })
  await textOf(r0, { direction: 'inbound', body: LONG_REPLY, minutesAgo: 60 })
  await textOf(r1, { direction: 'inbound', body: 'Stop bothering me, 100% done', minutesAgo: 120 })
  await textOf(r2, { direction: 'outbound', body: '<b>Hi</b> there', sentBy: ana, minutesAgo: 300 })
  await answered(r1, 'No')
  await answered(r2, 'Yes')

  return {
    owner,
    ana,
    ben,
    campaign,
    rows,
    donor,
    yes: answer('Yes'),
    no: answer('No'),
    token: await apiTokenFor(owner),
  }
}

test.group('Review | conversations API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists texted contacts only, newest reply first, with texter, status, tags and last message', async ({
    client,
    assert,
  }) => {
    const { ana, campaign, rows, token } = await reviewWorld()
    const response = await client
      .get(`/api/v1/campaigns/${campaign.id}/conversations`)
      .bearerToken(token)
    response.assertStatus(200)
    assertMatchesApiDoc(response)
    const { data, meta } = response.body()
    assert.deepEqual(meta, { total: 4, page: 1, perPage: 50 })
    assert.deepEqual(
      data.map((row: { id: number }) => row.id),
      [rows[0].id, rows[1].id, rows[4].id, rows[2].id]
    )
    const [first] = data
    assert.deepEqual(first.texter, { userId: ana.userId, name: ana.user.fullName })
    assert.equal(first.status, 'needs_response')
    assert.deepEqual(first.tags, ['donor'])
    assert.equal(first.sentiment, 'positive')
    assert.equal(first.lastMessage.direction, 'inbound')
    assert.lengthOf(first.lastMessage.body, 140)
    assert.isTrue(first.lastMessage.body.startsWith('I will vote on Tuesday'))
    assert.isNull(data[3].texter)
    // Markup in a text comes back as text; the page prints it escaped.
    assert.equal(data[3].lastMessage.body, '<b>Hi</b> there')
  })

  test('each filter narrows the list to the matching conversations', async ({ client, assert }) => {
    const { ana, ben, campaign, rows, donor, yes, no, token } = await reviewWorld()
    const ids = async (query: Record<string, string | number | boolean>) => {
      const response = await client
        .get(`/api/v1/campaigns/${campaign.id}/conversations`)
        .qs(query)
        .bearerToken(token)
      response.assertStatus(200)
      assertMatchesApiDoc(response)
      return response.body().data.map((row: { id: number }) => row.id)
    }
    const [r0, r1, r2, , r4] = rows.map((row) => row.id)

    assert.deepEqual(await ids({ texterId: ana.userId }), [r0, r4])
    assert.deepEqual(await ids({ texterId: ben.userId }), [r1])
    assert.deepEqual(await ids({ unassigned: true }), [r2])
    assert.deepEqual(await ids({ status: 'needs_response' }), [r0])
    assert.deepEqual(await ids({ status: 'closed' }), [r2])
    assert.deepEqual(await ids({ tagId: donor.id }), [r0])
    assert.deepEqual(await ids({ answerStepId: no.id }), [r1])
    assert.deepEqual(await ids({ answerStepId: yes.id }), [r2])
    assert.deepEqual(await ids({ text: 'vote on Tuesday' }), [r0])
    assert.deepEqual(await ids({ text: 'will you vote' }), [r0])
    // LIKE wildcards in the search are plain characters.
    assert.deepEqual(await ids({ text: '100%' }), [r1])
    assert.deepEqual(await ids({ text: '%%' }), [])
    assert.deepEqual(await ids({ escalated: true }), [r1])
    assert.deepEqual(await ids({ escalated: false }), [r0, r4, r2])
    assert.deepEqual(await ids({ sentiment: 'negative' }), [r1])
    assert.deepEqual(await ids({ texterId: ana.userId, status: 'messaged' }), [r4])
    assert.deepEqual(await ids({ page: 2, perPage: 2 }), [r4, r2])
  })

  test('refuses a texter, another organization and filters it cannot read', async ({ client }) => {
    const { ana, campaign, token } = await reviewWorld()
    const texter = await client
      .get(`/api/v1/campaigns/${campaign.id}/conversations`)
      .bearerToken(await apiTokenFor(ana))
    texter.assertStatus(403)
    assertMatchesApiDoc(texter)

    const other = await createMember('owner')
    const foreign = await client
      .get(`/api/v1/campaigns/${campaign.id}/conversations`)
      .bearerToken(await apiTokenFor(other))
    foreign.assertStatus(404)
    assertMatchesApiDoc(foreign)

    for (const query of [{ status: 'needs_message' }, { text: 'a' }, { perPage: 501 }]) {
      const invalid = await client
        .get(`/api/v1/campaigns/${campaign.id}/conversations`)
        .qs(query)
        .bearerToken(token)
      invalid.assertStatus(422)
      assertMatchesApiDoc(invalid)
    }
  })
})

test.group('Review | page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a supervisor reviews filtered conversations with the escalated count; a texter may not', async ({
    client,
    assert,
  }) => {
    const { owner, ana, campaign, rows, donor, no } = await reviewWorld()
    const supervisor = await createMember('supervisor', { organization: owner.organization })

    const response = await asMember(
      client.get(urlFor('campaign_reviews.index', { id: campaign.id })).qs({ escalated: 'true' }),
      supervisor
    )
    response.assertStatus(200)
    const { component, props } = inertiaPage(response)
    assert.equal(component, 'campaigns/review')
    assert.equal(props.escalated, 1)
    assert.deepEqual(
      props.conversations.map((row: { id: number }) => row.id),
      [rows[1].id]
    )
    assert.include(props.filters, { escalated: true })
    assert.deepInclude(props.tags, { id: donor.id, name: 'donor', escalates: false })
    assert.deepInclude(props.answers, { id: no.id, label: 'Will you vote?: No' })
    assert.includeMembers(
      props.members.map((member: { userId: number }) => member.userId),
      [ana.userId, owner.userId]
    )

    const refused = await asMember(
      client.get(urlFor('campaign_reviews.index', { id: campaign.id })),
      ana
    )
    refused.assertStatus(403)
  })
})
