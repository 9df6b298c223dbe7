import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { createMember } from '#tests/helpers/members'
import { optOut } from '#tests/helpers/contacts'
import { asMember } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { campaignWithOutcomes } from '#tests/helpers/reports'
import { createDraft } from '#tests/helpers/campaigns'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Reports | organization overview', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('campaigns side by side, texts and opt-outs per day, spend per month', async ({
    client,
    assert,
  }) => {
    const world = await campaignWithOutcomes()
    await createDraft(world.owner, { name: 'Not launched', audience: { listIds: [] } })
    await optOut(world.organization.id, '+12025550001')
    await optOut(world.organization.id, '+12025550002')
    // Another organization's texts and opt-outs never count.
    const stranger = await campaignWithOutcomes()
    await optOut(stranger.organization.id, '+12025550003')

    const response = await asMember(client.get(urlFor('dashboard')), world.owner)

    const { overview } = inertiaPage(response).props
    assert.deepEqual(overview.campaigns, [
      {
        id: world.campaign.id,
        name: world.campaign.name,
        status: 'active',
        targeted: 10,
        sent: 8,
        delivered: 5,
        replied: 4,
        optedOut: 2,
        deliveryRate: 0.625,
        responseRate: 0.5,
        optOutRate: 0.25,
        segmentsSent: 11,
        estimatedCost: 0.11,
      },
    ])
    assert.lengthOf(overview.days, 30)
    assert.deepEqual(
      overview.days.find((d: any) => d.day === '2026-11-20'),
      {
        day: '2026-11-20',
        textsOut: 10,
        textsIn: 5,
        optOuts: 0,
      }
    )
    const today = DateTime.now().toFormat('yyyy-MM-dd')
    assert.equal(overview.days.at(-1).day, today)
    assert.equal(overview.days.at(-1).optOuts, 2)
    assert.lengthOf(overview.months, 12)
    assert.deepEqual(
      overview.months.find((m: any) => m.month === '2026-11'),
      {
        month: '2026-11',
        segments: 11,
        spend: 0.11,
      }
    )
  })

  test('texters are not shown the overview: they are sent to their texting page', async ({
    client,
  }) => {
    const world = await campaignWithOutcomes()

    const response = await asMember(client.get(urlFor('dashboard')), world.texters[0])

    response.assertStatus(302)
    response.assertHeader('location', '/texting')
  })

  test('an organization without campaigns gets empty charts, not errors', async ({
    client,
    assert,
  }) => {
    const supervisor = await createMember('supervisor')

    const response = await asMember(client.get(urlFor('dashboard')), supervisor)

    const { overview } = inertiaPage(response).props
    assert.deepEqual(overview.campaigns, [])
    assert.isTrue(overview.days.every((d: any) => d.textsOut === 0 && d.optOuts === 0))
  })
})
