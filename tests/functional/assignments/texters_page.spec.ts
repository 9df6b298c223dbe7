import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#models/audit_event'
import Campaign from '#models/campaign'
import CampaignReplyHandler from '#models/campaign_reply_handler'
import { createMember } from '#tests/helpers/members'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { arrange, holders, launchedCampaign, textOf } from '#tests/helpers/supervision'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function world() {
  const owner = await createMember('owner')
  const organization = owner.organization
  const supervisor = await createMember('supervisor', { organization })
  const ana = await createMember('texter', { organization })
  const ben = await createMember('texter', { organization })
  const { campaign, rows } = await launchedCampaign(owner, 4)
  return { owner, supervisor, ana, ben, campaign, rows }
}

async function handlersOf(campaignId: number) {
  const handlers = await CampaignReplyHandler.query()
    .where('campaign_id', campaignId)
    .orderBy('user_id')
  return handlers.map((handler) => handler.userId)
}

test.group('Assignments | Texters page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a supervisor sees each texter’s figures, who is texting now, the pool and the members', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, ben, campaign, rows } = await world()
    await arrange(rows.slice(0, 2), { texter: ana, status: 'needs_response', messagedBy: ana })
    await textOf(rows[0], { direction: 'outbound', body: 'Hi', sentBy: ana, minutesAgo: 1 })
    await arrange([rows[2]], { texter: ben })

    const response = await asMember(
      client.get(urlFor('campaign_texters.index', { id: campaign.id })),
      supervisor
    )
    response.assertStatus(200)
    const { component, props } = inertiaPage(response)
    assert.equal(component, 'campaigns/texters')
    assert.equal(props.pool, 1)
    assert.equal(props.escalated, 0)
    const figures = Object.fromEntries(
      props.texters.map((texter: Record<string, unknown>) => [
        texter.userId,
        [texter.assigned, texter.unsent, texter.sent, texter.needsReply, texter.textingNow],
      ])
    )
    assert.deepEqual(figures, {
      [ana.userId]: [2, 0, 2, 2, true],
      [ben.userId]: [1, 1, 0, 0, false],
    })
    assert.lengthOf(props.members, 4)
    assert.deepEqual(props.campaign.routeRepliesToHandlers, false)
  })

  test('texters may not open the page or post its forms', async ({ client }) => {
    const { ana, campaign } = await world()
    const page = await asMember(
      client.get(urlFor('campaign_texters.index', { id: campaign.id })),
      ana
    )
    page.assertStatus(403)
    assertFormRefused(
      await asMember(client.post(urlFor('campaign_texters.assign', { id: campaign.id })), ana).json(
        {
          action: 'assign',
          toUserId: ana.userId,
          count: 4,
        }
      )
    )
    assertFormRefused(
      await asMember(
        client.put(urlFor('campaign_texters.reply_handlers', { id: campaign.id })),
        ana
      ).json({
        routeRepliesToHandlers: true,
        userIds: [ana.userId],
      })
    )
  })

  test('the assign form hands out contacts and says how many; a bad request names the field', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, campaign, rows } = await world()
    const assigned = await asMember(
      client.post(urlFor('campaign_texters.assign', { id: campaign.id })),
      supervisor
    ).json({ action: 'assign', toUserId: ana.userId, count: 3 })
    assigned.assertStatus(302)
    assigned.assertFlashMessage('success', 'Assigned 3 contacts.')
    assert.deepEqual(await holders(rows), [ana.userId, ana.userId, ana.userId, null])

    const unassigned = await asMember(
      client.post(urlFor('campaign_texters.assign', { id: campaign.id })),
      supervisor
    ).json({ action: 'unassign', fromUserId: ana.userId, scope: 'unsent' })
    unassigned.assertFlashMessage('success', 'Returned 3 contacts to the pool.')

    const wrong = await asMember(
      client.post(urlFor('campaign_texters.assign', { id: campaign.id })),
      supervisor
    ).json({ action: 'unassign', toUserId: ana.userId, fromUserId: ana.userId })
    wrong.assertStatus(302)
    assert.property(fieldErrors(wrong), 'toUserId')
  })
})

test.group('Assignments | reply handlers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a supervisor turns on reply handlers and changes who they are; repeating changes nothing', async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, ben, campaign } = await world()
    const save = (body: object) =>
      asMember(
        client.put(urlFor('campaign_texters.reply_handlers', { id: campaign.id })),
        supervisor
      ).json(body)

    const on = await save({ routeRepliesToHandlers: true, userIds: [ana.userId, ben.userId] })
    on.assertStatus(302)
    on.assertFlashMessage('success', 'Saved: replies go to the reply handlers.')
    await campaign.refresh()
    assert.isTrue(Boolean(campaign.routeRepliesToHandlers))
    assert.deepEqual(await handlersOf(campaign.id), [ana.userId, ben.userId])

    await save({ routeRepliesToHandlers: true, userIds: [ben.userId] })
    await save({ routeRepliesToHandlers: true, userIds: [ben.userId] })
    assert.deepEqual(await handlersOf(campaign.id), [ben.userId])

    const off = await save({ routeRepliesToHandlers: false, userIds: [ben.userId] })
    off.assertFlashMessage('success', 'Saved: replies go to the texter who sent the first text.')
    const fresh = await Campaign.findOrFail(campaign.id)
    assert.isFalse(Boolean(fresh.routeRepliesToHandlers))

    const events = await AuditEvent.query()
      .where('organization_id', campaign.organizationId)
      .where('action', 'campaign.reply_handlers_changed')
    assert.lengthOf(events, 4)
  })

  test('handlers must be active members of the organization, and routing needs one', async ({
    client,
    assert,
  }) => {
    const { owner, supervisor, ana, campaign } = await world()
    const suspended = await createMember('texter', {
      organization: owner.organization,
      status: 'suspended',
    })
    const stranger = await createMember('texter')
    const save = (body: object) =>
      asMember(
        client.put(urlFor('campaign_texters.reply_handlers', { id: campaign.id })),
        supervisor
      ).json(body)

    for (const body of [
      { routeRepliesToHandlers: true, userIds: [] },
      { routeRepliesToHandlers: true, userIds: [ana.userId, suspended.userId] },
      { routeRepliesToHandlers: false, userIds: [stranger.userId] },
    ]) {
      const refused = await save(body)
      refused.assertStatus(302)
      assert.property(fieldErrors(refused), 'userIds', JSON.stringify(body))
    }
    assert.deepEqual(await handlersOf(campaign.id), [])
    await campaign.refresh()
    assert.isFalse(Boolean(campaign.routeRepliesToHandlers))

    const other = await createMember('owner')
    const foreign = await asMember(
      client.put(urlFor('campaign_texters.reply_handlers', { id: campaign.id })),
      other
    ).json({ routeRepliesToHandlers: false, userIds: [] })
    foreign.assertStatus(404)
  })
})
