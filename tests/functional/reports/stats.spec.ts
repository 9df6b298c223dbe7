import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { campaignWithOutcomes, FIRST_HOUR, SECOND_HOUR } from '#tests/helpers/reports'
import { createDraft } from '#tests/helpers/campaigns'

test.group('Reports | campaign stats', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every figure adds up for a campaign with known outcomes', async ({ client, assert }) => {
    const { owner, campaign, texters, variants, step } = await campaignWithOutcomes()

    const response = await client
      .get(`/api/v1/campaigns/${campaign.id}/stats`)
      .bearerToken(await apiTokenFor(owner))

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    const stats = response.body()
    assert.containSubset(stats, {
      targeted: 10,
      queued: 1,
      // Handed to the provider: 5 delivered + 2 failed + 1 awaiting its receipt.
      sent: 8,
      delivered: 5,
      failed: 2,
      replied: 4,
      optedOut: 2,
      responseRate: 0.5,
      optOutRate: 0.25,
      deliveryRate: 0.625,
      // Six first texts (one of 2 segments) and four answers reached the provider.
      textsOut: 10,
      textsIn: 5,
      segmentsSent: 11,
      pricePerSegment: 0.01,
      estimatedCost: 0.11,
    })
    assert.deepEqual(stats.failedByReason, {
      landline: 1,
      invalid: 0,
      carrierFiltered: 0,
      carrierOptOut: 1,
      other: 0,
      optedOut: 0,
      textingHours: 0,
    })
    assert.deepEqual(stats.statuses, {
      needsMessage: 1,
      messaged: 3,
      needsResponse: 1,
      conversing: 1,
      closed: 1,
      optedOut: 2,
      failed: 1,
    })
    assert.deepEqual(stats.sentiment, { positive: 2, neutral: 1, negative: 1 })
    assert.deepEqual(stats.variants, [
      {
        id: variants[0].id,
        label: 'A',
        body: variants[0].body,
        sent: 6,
        delivered: 4,
        replied: 3,
        optedOut: 1,
        responseRate: 0.5,
        optOutRate: 0.1667,
        clicks: 0,
        uniqueClickers: 0,
        clickRate: 0,
      },
      {
        id: variants[1].id,
        label: 'B',
        body: variants[1].body,
        sent: 2,
        delivered: 1,
        replied: 1,
        optedOut: 1,
        responseRate: 0.5,
        optOutRate: 0.5,
        clicks: 0,
        uniqueClickers: 0,
        clickRate: 0,
      },
    ])
    assert.deepEqual(stats.variantComparison, {
      enoughData: false,
      statistic: null,
      degreesOfFreedom: 1,
      pValue: null,
      significant: false,
      leaderId: null,
    })
    assert.deepEqual(stats.survey, [
      {
        id: step('Will you vote?').id,
        question: 'Will you vote?',
        total: 3,
        answers: [
          { id: step('Yes').id, answer: 'Yes', count: 2 },
          { id: step('No').id, answer: 'No', count: 1 },
          { id: step('Maybe').id, answer: 'Maybe', count: 0 },
        ],
      },
      {
        id: step('Need a ride?').id,
        question: 'Need a ride?',
        total: 1,
        answers: [
          { id: step('Yes please').id, answer: 'Yes please', count: 1 },
          { id: step('No thanks').id, answer: 'No thanks', count: 0 },
        ],
      },
    ])
    assert.deepEqual(stats.texters, [
      {
        userId: texters[0].userId,
        name: texters[0].user.fullName,
        sent: 5,
        replies: 2,
        medianReplySeconds: 30,
        // Counted for campaigns that track links only.
        delivered: 0,
        clicks: 0,
        uniqueClickers: 0,
        clickRate: 0,
      },
      {
        userId: texters[1].userId,
        name: texters[1].user.fullName,
        sent: 3,
        replies: 2,
        medianReplySeconds: 45,
        // Counted for campaigns that track links only.
        delivered: 0,
        clicks: 0,
        uniqueClickers: 0,
        clickRate: 0,
      },
    ])
    assert.deepEqual(stats.activity, [
      { hour: `${FIRST_HOUR}:00`, textsOut: 6, textsIn: 0, segments: 7 },
      { hour: `${SECOND_HOUR}:00`, textsOut: 4, textsIn: 5, segments: 4 },
    ])
  })

  test('figures follow later changes and deletions exactly', async ({ client, assert }) => {
    const { owner, campaign, rows } = await campaignWithOutcomes()
    // c5's receipt arrives; c3 replies; c10 is removed from the campaign.
    await db.from('campaign_contacts').where('id', rows[4].id).update({ delivery: 'delivered' })
    await db
      .from('campaign_contacts')
      .where('id', rows[2].id)
      .update({ replied_at: `${SECOND_HOUR}:50:00`, status: 'needs_response' })
    await db.from('campaign_contacts').where('id', rows[9].id).delete()

    const response = await client
      .get(`/api/v1/campaigns/${campaign.id}/stats`)
      .bearerToken(await apiTokenFor(owner))

    assert.containSubset(response.body(), {
      targeted: 9,
      sent: 8,
      delivered: 6,
      replied: 5,
      responseRate: 0.625,
      deliveryRate: 0.75,
      statuses: { needsMessage: 0, messaged: 2, needsResponse: 2 },
    })
    assert.containSubset(response.body().variants, [{ label: 'A', delivered: 5, replied: 4 }])
  })

  test('a campaign not yet launched has zeros everywhere', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const campaign = await createDraft(owner, { audience: { listIds: [] } })

    const response = await client
      .get(`/api/v1/campaigns/${campaign.id}/stats`)
      .bearerToken(await apiTokenFor(owner))

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.containSubset(response.body(), {
      targeted: 0,
      sent: 0,
      responseRate: 0,
      deliveryRate: 0,
      estimatedCost: 0,
      texters: [],
      activity: [],
      survey: [],
    })
    assert.lengthOf(response.body().variants, 1)
  })

  test('supervisors read the figures; texters may not', async ({ client }) => {
    const { organization, campaign } = await campaignWithOutcomes()
    const supervisor = await createMember('supervisor', { organization })
    const texter = await createMember('texter', { organization })

    const allowed = await client
      .get(`/api/v1/campaigns/${campaign.id}/stats`)
      .bearerToken(await apiTokenFor(supervisor))
    const refused = await client
      .get(`/api/v1/campaigns/${campaign.id}/stats`)
      .bearerToken(await apiTokenFor(texter))

    allowed.assertStatus(200)
    refused.assertStatus(403)
    assertMatchesApiDoc(refused)
  })

  test("another organization's campaign is not found", async ({ client }) => {
    const { campaign } = await campaignWithOutcomes()
    const stranger = await createMember('owner')

    const response = await client
      .get(`/api/v1/campaigns/${campaign.id}/stats`)
      .bearerToken(await apiTokenFor(stranger))

    response.assertStatus(404)
    assertMatchesApiDoc(response)
  })
})
