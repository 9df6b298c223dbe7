import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { appUrl } from '#config/app'
import Organization from '#models/organization'
import { clock } from '#services/clock'
import { DELIVERY_SCAN_MS } from '#services/links/previews'
import { inertiaPage } from '#tests/helpers/inertia'
import { clickLog } from '#services/links/click_log'
import {
  codesIn,
  deliver,
  follow,
  linksOf,
  RALLY,
  sendFirst,
  trackedCampaign,
} from '#tests/helpers/links'

test.group('Tracked links | sending', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('each contact gets their own short link for each link of the script', async ({
    client,
    assert,
  }) => {
    const { texter, campaign, rows } = await trackedCampaign(client, {
      contacts: 2,
      body: `Hi {firstName}: ${RALLY} or (https://example.org/donate). Reply STOP to opt out`,
    })
    const first = await sendFirst(client, texter, campaign, rows[0].id)
    const second = await sendFirst(client, texter, campaign, rows[1].id)

    const pattern = (name: string) =>
      new RegExp(
        `^Hi ${name}: ${appUrl}/l/[A-Za-z0-9]{10} or \\(${appUrl}/l/[A-Za-z0-9]{10}\\)\\. Reply STOP to opt out$`
      )
    assert.match(first.body, pattern('Person1'))
    assert.match(second.body, pattern('Person2'))
    const codes = [...codesIn(first.body), ...codesIn(second.body)]
    assert.equal(new Set(codes).size, 4)

    const links = await linksOf(campaign)
    assert.deepEqual(
      links.map((link) => [link.code, link.target, link.campaign_contact_id, link.position]),
      [
        [codes[0], RALLY, rows[0].id, 0],
        [codes[1], 'https://example.org/donate', rows[0].id, 1],
        [codes[2], RALLY, rows[1].id, 0],
        [codes[3], 'https://example.org/donate', rows[1].id, 1],
      ]
    )
    assert.equal(first.segments, 1)
  })

  test('the same press again answers the same text with the same links', async ({
    client,
    assert,
  }) => {
    const { texter, campaign, rows } = await trackedCampaign(client, { contacts: 1 })
    const first = await sendFirst(client, texter, campaign, rows[0].id, 'press-a')
    const again = await sendFirst(client, texter, campaign, rows[0].id, 'press-a')

    assert.equal(again.id, first.id)
    assert.equal(again.body, first.body)
    assert.lengthOf(await linksOf(campaign), 1)
  })

  test('a campaign that does not track links sends them as written', async ({ client, assert }) => {
    const { texter, campaign, rows } = await trackedCampaign(client, {
      contacts: 1,
      trackLinks: false,
    })
    const message = await sendFirst(client, texter, campaign, rows[0].id)

    assert.include(message.body, RALLY)
    assert.lengthOf(await linksOf(campaign), 0)
  })

  test('short links use the organization’s link domain when it has one', async ({
    client,
    assert,
  }) => {
    const { owner, texter, campaign, rows } = await trackedCampaign(client, { contacts: 1 })
    const organization = await Organization.findOrFail(owner.organizationId)
    organization.settings = { ...organization.settings, linkDomain: 'go.example.org' }
    await organization.save()

    const message = await sendFirst(client, texter, campaign, rows[0].id)
    const scheme = new URL(appUrl).protocol
    assert.match(message.body, new RegExp(`${scheme}//go\\.example\\.org/l/[A-Za-z0-9]{10}\\.`))
  })

  test('follow-up steps are tracked per step', async ({ client, assert }) => {
    const { texter, campaign, rows } = await trackedCampaign(client, {
      contacts: 1,
      followUps: [{ afterHours: 1, when: 'always', variants: [{ body: `Still on? ${RALLY}` }] }],
    })
    await sendFirst(client, texter, campaign, rows[0].id)
    clock.travel(2 * 60 * 60 * 1000)
    try {
      const step = await db.from('follow_up_steps').where('campaign_id', campaign.id).firstOrFail()
      const { texting } = await import('#tests/helpers/texting')
      const response = await texting(client, texter, 'post', campaign, 'texting.send', {
        campaignContactId: rows[0].id,
        followUpStepId: step.id,
        idempotencyKey: 'follow-up-press',
      })
      response.assertStatus(200)
      const links = await linksOf(campaign)
      assert.deepEqual(
        links.map((link) => [link.follow_up_step_id, link.variant_id === null, link.message_key]),
        [
          [null, false, `initial:${rows[0].id}`],
          [step.id, true, `followup:${step.id}:${rows[0].id}`],
        ]
      )
    } finally {
      clock.reset()
    }
  })
})

test.group('Tracked links | following', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())
  group.each.teardown(() => clickLog.flush())

  test('a click answers 302 to the stored target and counts first, last and total', async ({
    client,
    assert,
  }) => {
    const { texter, campaign, rows } = await trackedCampaign(client, { contacts: 1 })
    const message = await sendFirst(client, texter, campaign, rows[0].id)
    await deliver(message)
    const [code] = codesIn(message.body)

    const response = await follow(client, code)
    response.assertStatus(302)
    response.assertHeader('location', RALLY)
    response.assertHeader('cache-control', 'no-store')
    assert.isUndefined(response.header('set-cookie'))

    clock.travel(60_000)
    await follow(client, code).then((again) => again.assertStatus(302))

    const [link] = await linksOf(campaign)
    assert.equal(link.clicks, 2)
    assert.equal(link.previews, 0)
    assert.notEqual(String(link.first_clicked_at), String(link.last_clicked_at))
    const row = await db.from('campaign_contacts').where('id', rows[0].id).first()
    assert.equal(String(row.first_clicked_at), String(link.first_clicked_at))
  })

  test('link previews are counted apart: bots, HEAD requests, hits right at delivery', async ({
    client,
    assert,
  }) => {
    const { texter, campaign, rows } = await trackedCampaign(client, { contacts: 2 })
    const early = await sendFirst(client, texter, campaign, rows[0].id)
    await deliver(early, 0)
    const [code] = codesIn(early.body)

    // A carrier's scan the moment the text lands, then the apps that draw a card.
    await follow(client, code).then((response) => response.assertStatus(302))
    await follow(client, code, 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)')
    await follow(
      client,
      code,
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0'
    )
    await follow(client, code, 'WhatsApp/2.23.20.0 A')
    const head = await client.head(`/l/${code}`).redirects(0)
    head.assertStatus(302)
    await clickLog.flush()

    let [link] = await linksOf(campaign)
    assert.equal(link.previews, 5)
    assert.equal(link.clicks, 0)
    assert.isNull(link.first_clicked_at)

    // The person opens it a little later.
    clock.travel(DELIVERY_SCAN_MS + 2_000)
    await follow(client, code)
    ;[link] = await linksOf(campaign)
    assert.equal(link.clicks, 1)
    assert.equal(link.previews, 5)
  })

  test('an unknown code is the not-found page', async ({ client, assert }) => {
    for (const code of ['Zzzzzzzzzz', 'short', '..%2F..%2Fapi', 'x'.repeat(200)]) {
      const response = await client.get(`/l/${code}`).redirects(0)
      response.assertStatus(404)
      assert.equal(inertiaPage(response).component, 'errors/not_found')
    }
  })

  test('no open redirect: only the stored target of a sent text is ever followed', async ({
    client,
    assert,
  }) => {
    const { texter, campaign, rows } = await trackedCampaign(client, { contacts: 1 })
    const message = await sendFirst(client, texter, campaign, rows[0].id)
    const [code] = codesIn(message.body)

    for (const path of [
      `/l/${code}?url=https://evil.example.com`,
      `/l/${code}?target=https%3A%2F%2Fevil.example.com&next=//evil.example.com`,
    ]) {
      const response = await client.get(path).redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', RALLY)
    }
    await clickLog.flush()
    const bare = await client.get('/l/').qs({ url: 'https://evil.example.com' }).redirects(0)
    assert.notEqual(bare.status(), 302)
  })
})
