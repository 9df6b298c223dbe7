import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import InteractionStep from '#models/interaction_step'
import Tag from '#models/tag'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { createActiveCampaign, SURVEY } from '#tests/helpers/conversations'
import { GOOD_MESSAGE } from '#tests/helpers/campaigns'

test.group('Auto answers | API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('admins add, change and delete rules; supervisors read them', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const organization = admin.organization
    const token = await apiTokenFor(admin)
    const supervisor = await apiTokenFor(await createMember('supervisor', { organization }))
    const campaign = await createActiveCampaign(admin, {
      script: { initial: [{ body: GOOD_MESSAGE }], steps: SURVEY, cannedResponses: [] },
    })
    const steps = await InteractionStep.query().where('campaign_id', campaign.id)
    const question = steps.find((step) => step.question === 'Will you vote?')!
    const yes = steps.find((step) => step.answerOption === 'Yes')!
    await Tag.create({ organizationId: admin.organizationId, name: 'Voter', escalates: false })

    const body = {
      keywords: ['YES', 'y', '1'],
      answer: 'Great, {firstName}!',
      campaignId: campaign.id,
      surveyAnswer: { questionId: question.id, answerId: yes.id },
      tags: ['Voter'],
      close: true,
    }
    const created = await client.post('/api/v1/auto-answers').bearerToken(token).json(body)
    created.assertStatus(201)
    assertMatchesApiDoc(created)
    assert.deepEqual(created.body(), { ...body, id: created.body().id, enabled: true, fired: 0 })

    const refused = await client
      .post('/api/v1/auto-answers')
      .bearerToken(supervisor)
      .json({ keywords: ['x'], answer: 'y' })
    refused.assertStatus(403)

    const listed = await client.get('/api/v1/auto-answers').bearerToken(supervisor)
    listed.assertStatus(200)
    assertMatchesApiDoc(listed)
    assert.deepEqual(
      listed.body().data.map((rule: { id: number }) => rule.id),
      [created.body().id]
    )

    const id = created.body().id
    const changed = await client
      .put(`/api/v1/auto-answers/${id}`)
      .bearerToken(token)
      .json({ keywords: ['info2'], answer: 'See {orgName}.org', enabled: false })
    changed.assertStatus(200)
    assertMatchesApiDoc(changed)
    assert.deepEqual(changed.body(), {
      id,
      keywords: ['info2'],
      answer: 'See {orgName}.org',
      campaignId: null,
      surveyAnswer: null,
      tags: [],
      close: false,
      enabled: false,
      fired: 0,
    })

    const deleted = await client.delete(`/api/v1/auto-answers/${id}`).bearerToken(token)
    deleted.assertStatus(204)
    const gone = await client.get('/api/v1/auto-answers').bearerToken(token)
    assert.lengthOf(gone.body().data, 0)
  })

  test('refuses what could never work', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const campaign = await createActiveCampaign(admin, {
      script: { initial: [{ body: GOOD_MESSAGE }], steps: SURVEY, cannedResponses: [] },
    })
    const other = await createActiveCampaign(await createMember('admin'), {
      script: { initial: [{ body: GOOD_MESSAGE }], steps: SURVEY, cannedResponses: [] },
    })
    const steps = await InteractionStep.query().where('campaign_id', campaign.id)
    const question = steps.find((step) => step.question === 'Will you vote?')!
    const ride = steps.find((step) => step.answerOption === 'Ride')!
    const post = (json: object) => client.post('/api/v1/auto-answers').bearerToken(token).json(json)
    const fields = async (json: object) => {
      const response = await post(json)
      response.assertStatus(422)
      assertMatchesApiDoc(response)
      return response.body().errors.map((error: { field: string }) => error.field)
    }

    assert.includeMembers(await fields({}), ['keywords', 'answer'])
    assert.deepEqual(await fields({ keywords: ['Stop', '!!', 'please stop'], answer: 'x' }), [
      'keywords.0',
      'keywords.1',
      'keywords.2',
    ])
    assert.deepEqual(await fields({ keywords: ['y'], answer: 'x', campaignId: other.id }), [
      'campaignId',
    ])
    assert.deepEqual(
      await fields({
        keywords: ['y'],
        answer: 'x',
        surveyAnswer: { questionId: question.id, answerId: ride.id },
      }),
      ['surveyAnswer']
    )
    assert.deepEqual(
      await fields({
        keywords: ['y'],
        answer: 'x',
        campaignId: campaign.id,
        surveyAnswer: { questionId: question.id, answerId: ride.id },
      }),
      ['surveyAnswer.answerId']
    )
    assert.deepEqual(await fields({ keywords: ['y'], answer: 'x', tags: ['Nope'] }), ['tags.0'])
  })

  test('another organization’s rule is not found', async ({ client }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const stranger = await apiTokenFor(await createMember('owner'))
    const created = await client
      .post('/api/v1/auto-answers')
      .bearerToken(token)
      .json({ keywords: ['yes'], answer: 'Thanks' })
    const id = created.body().id

    const changed = await client
      .put(`/api/v1/auto-answers/${id}`)
      .bearerToken(stranger)
      .json({ keywords: ['yes'], answer: 'Mine now' })
    changed.assertStatus(404)
    assertMatchesApiDoc(changed)
    const deleted = await client.delete(`/api/v1/auto-answers/${id}`).bearerToken(stranger)
    deleted.assertStatus(404)
    assertMatchesApiDoc(deleted)
  })
})
