import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { parse } from 'csv-parse/sync'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { clock } from '#services/clock'
import exportWorker from '#services/exports/worker'
import { apiTokenFor } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { asMember } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { codesIn, deliver, follow, RALLY, sendFirst, trackedCampaign } from '#tests/helpers/links'
import { texting } from '#tests/helpers/texting'

/**
 * Four people texted and delivered; the first clicks twice (and its
 * follow-up's link once), the second once, the third's link is only
 * previewed by an app, the fourth does nothing.
 */
async function clickedCampaign(client: Parameters<typeof trackedCampaign>[0]) {
  const world = await trackedCampaign(client, {
    contacts: 4,
    followUps: [{ afterHours: 1, when: 'always', variants: [{ body: `Still on? ${RALLY}` }] }],
  })
  const { texter, campaign, rows } = world
  const codes: string[] = []
  for (const row of rows) {
    const message = await sendFirst(client, texter, campaign, row.id)
    await deliver(message)
    codes.push(codesIn(message.body)[0])
  }
  clock.travel(2 * 60 * 60 * 1000)
  const step = await db.from('follow_up_steps').where('campaign_id', campaign.id).firstOrFail()
  const followUp = await texting(client, texter, 'post', campaign, 'texting.send', {
    campaignContactId: rows[0].id,
    followUpStepId: step.id,
    idempotencyKey: 'follow-up-1',
  })
  followUp.assertStatus(200)
  const followUpMessage = await db.from('messages').where('id', followUp.body().message.id).first()
  await db
    .from('messages')
    .where('id', followUpMessage.id)
    .update({ status: 'delivered', delivered_at: '2026-01-01 00:00:00' })

  await follow(client, codes[0])
  await follow(client, codes[0])
  await follow(client, codes[1])
  await follow(client, codes[2], 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)')
  await follow(client, codesIn(followUpMessage.body)[0])
  return { ...world, step }
}

test.group('Tracked links | reports', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('stats count clicks, unique clickers and click-through per campaign, variant, step and texter', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign, step } = await clickedCampaign(client)

    const response = await client
      .get(`/api/v1/campaigns/${campaign.id}/stats`)
      .bearerToken(await apiTokenFor(owner))
    response.assertStatus(200)
    assertMatchesApiDoc(response)
    const stats = response.body()
    assert.containSubset(stats, {
      delivered: 4,
      trackLinks: true,
      clicks: 4,
      uniqueClickers: 2,
      clickRate: 0.5,
    })
    assert.containSubset(stats.variants, [
      { delivered: 4, clicks: 3, uniqueClickers: 2, clickRate: 0.5 },
    ])
    assert.containSubset(stats.followUps, [
      { stepId: step.id, delivered: 1, clicks: 1, uniqueClickers: 1, clickRate: 1 },
    ])
    assert.containSubset(stats.texters, [
      { userId: texter.userId, delivered: 4, clicks: 4, uniqueClickers: 2, clickRate: 0.5 },
    ])
  })

  test('the report page shows the click-through rate', async ({ client, assert }) => {
    const { owner, campaign } = await clickedCampaign(client)

    const page = await asMember(client.get(urlFor('campaigns.report', { id: campaign.id })), owner)
    page.assertStatus(200)
    assert.containSubset(inertiaPage(page).props.stats, {
      clicks: 4,
      uniqueClickers: 2,
      clickRate: 0.5,
    })
  })

  test('the contacts export says who clicked and when first', async ({ client, assert }) => {
    const { owner, campaign, rows } = await clickedCampaign(client)
    const token = await apiTokenFor(owner)
    const started = await client
      .post(`/api/v1/campaigns/${campaign.id}/exports`)
      .bearerToken(token)
      .json({ kind: 'contacts' })
    started.assertStatus(202)
    await exportWorker.idle()
    const shown = await client.get(`/api/v1/exports/${started.body().id}`).bearerToken(token)
    const file = await client.get(new URL(shown.body().downloadUrl).pathname).bearerToken(token)
    const [header, ...data]: string[][] = parse(file.text())
    const byContact = new Map(
      data.map((row) => [Number(row[0]), Object.fromEntries(header.map((h, i) => [h, row[i]]))])
    )
    const first = await db.from('campaign_contacts').where('id', rows[0].id).first()
    assert.containSubset(byContact.get(rows[0].contactId), { clicked: 'yes' })
    assert.match(byContact.get(rows[0].contactId)!.first_clicked_at, /^\d{4}-\d\d-\d\d/)
    assert.isNotNull(first.first_clicked_at)
    assert.containSubset(byContact.get(rows[2].contactId), { clicked: 'no', first_clicked_at: '' })
    assert.containSubset(byContact.get(rows[3].contactId), { clicked: 'no', first_clicked_at: '' })
  })

  test('the segment condition campaign.<id>.clicked selects who clicked, or who did not', async ({
    client,
    assert,
  }) => {
    const { owner, campaign } = await clickedCampaign(client)
    const count = async (op: string, value: boolean, field = `campaign.${campaign.id}.clicked`) => {
      const response = await asMember(client.post(urlFor('segments.preview')), owner).json({
        definition: { all: [{ field, op, value }] },
      })
      response.assertStatus(200)
      return response.body().count
    }
    assert.equal(await count('eq', true), 2)
    assert.equal(await count('eq', false), 2)
    assert.equal(await count('exists', true), 2)
    assert.equal(await count('eq', true, 'campaigns.any.clicked'), 2)
  })
})
