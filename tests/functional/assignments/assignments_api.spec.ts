import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#models/audit_event'
import CampaignContact from '#models/campaign_contact'
import ChangeCampaignStatus from '#actions/campaigns/change_campaign_status'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { arrange, holders, launchedCampaign, textOf } from '#tests/helpers/supervision'
import { recordBroadcasts } from '#tests/helpers/realtime'
import { memberChannel, organizationChannel } from '#services/realtime/updates'

/** An owner with a token, two texters, and an active campaign of `size` contacts. */
async function world(size = 6) {
  const owner = await createMember('owner')
  const organization = owner.organization
  const ana = await createMember('texter', { organization })
  const ben = await createMember('texter', { organization })
  const { campaign, rows } = await launchedCampaign(owner, size)
  return { owner, ana, ben, campaign, rows, token: await apiTokenFor(owner) }
}

test.group('Assignments | API | moves', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('assign hands out exactly N unassigned unsent contacts, skipped ones last, and audits it', async ({
    client,
    assert,
  }) => {
    const { owner, ana, ben, campaign, rows, token } = await world(6)
    // Held by Ben, or already texted: not in the pool.
    await arrange([rows[0]], { texter: ben })
    await arrange([rows[1]], { status: 'messaged' })
    // A texter skipped this one: it goes last, as in texters' own claims.
    rows[2].skippedAt = DateTime.now()
    await rows[2].save()

    const response = await client
      .post(`/api/v1/campaigns/${campaign.id}/assignments`)
      .bearerToken(token)
      .json({ action: 'assign', toUserId: ana.userId, count: 3 })
    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.deepEqual(response.body(), { action: 'assign', toUserId: ana.userId, changed: 3 })
    assert.deepEqual(await holders(rows), [
      ben.userId,
      null,
      null,
      ana.userId,
      ana.userId,
      ana.userId,
    ])
    const given = await CampaignContact.findOrFail(rows[3].id)
    assert.isNotNull(given.assignedAt)

    const events = await AuditEvent.query()
      .where('organization_id', owner.organizationId)
      .where('action', 'campaign.contacts_assigned')
    assert.lengthOf(events, 1)
    assert.equal(events[0].userId, owner.userId)
    assert.include(events[0].details, { changed: 3, toUserId: ana.userId, count: 3 })

    // Asking for more than the pool holds gives what is left; then nothing.
    const rest = await client
      .post(`/api/v1/campaigns/${campaign.id}/assignments`)
      .bearerToken(token)
      .json({ action: 'assign', toUserId: ben.userId, count: 50 })
    assert.equal(rest.body().changed, 1)
    assert.deepEqual(await holders([rows[2]]), [ben.userId])
    const none = await client
      .post(`/api/v1/campaigns/${campaign.id}/assignments`)
      .bearerToken(token)
      .json({ action: 'assign', toUserId: ben.userId, count: 50 })
    assert.equal(none.body().changed, 0)
  })

  test('reassign moves exactly the chosen conversations; repeating it changes nothing', async ({
    client,
    assert,
  }) => {
    const { ana, ben, campaign, rows, token } = await world(4)
    await arrange(rows, { texter: ana, status: 'needs_response', messagedBy: ana })
    const body = {
      action: 'reassign',
      toUserId: ben.userId,
      campaignContactIds: [rows[1].id, rows[3].id],
    }

    const first = await client
      .post(`/api/v1/campaigns/${campaign.id}/assignments`)
      .bearerToken(token)
      .json(body)
    assertMatchesApiDoc(first)
    assert.equal(first.body().changed, 2)
    assert.deepEqual(await holders(rows), [ana.userId, ben.userId, ana.userId, ben.userId])
    const moved = await CampaignContact.findOrFail(rows[1].id)
    assert.isTrue(moved.assignedAt!.diffNow('minutes').minutes > -1, 'assigned just now')

    const again = await client
      .post(`/api/v1/campaigns/${campaign.id}/assignments`)
      .bearerToken(token)
      .json(body)
    assert.equal(again.body().changed, 0)
  })

  test('a texter’s load moves by scope; closed conversations stay with them', async ({
    client,
    assert,
  }) => {
    const { ana, ben, campaign, rows, token } = await world(7)
    await arrange(rows.slice(0, 2), { texter: ana })
    await arrange(rows.slice(2, 4), { texter: ana, status: 'needs_response', messagedBy: ana })
    await arrange([rows[4]], { texter: ana, status: 'conversing', messagedBy: ana })
    await arrange([rows[5]], { texter: ana, status: 'closed', messagedBy: ana })
    await arrange([rows[6]], { texter: ben })
    const post = (body: object) =>
      client.post(`/api/v1/campaigns/${campaign.id}/assignments`).bearerToken(token).json(body)

    const unsent = await post({
      action: 'reassign',
      fromUserId: ana.userId,
      toUserId: ben.userId,
      scope: 'unsent',
    })
    assert.equal(unsent.body().changed, 2)
    const conversations = await post({
      action: 'unassign',
      fromUserId: ana.userId,
      scope: 'conversations',
    })
    assert.equal(conversations.body().changed, 3)
    assert.deepEqual(await holders(rows), [
      ben.userId,
      ben.userId,
      null,
      null,
      null,
      ana.userId,
      ben.userId,
    ])
    const pooled = await CampaignContact.findOrFail(rows[2].id)
    assert.isNull(pooled.assignedAt)

    const all = await post({ action: 'reassign', fromUserId: ben.userId, toUserId: ana.userId })
    assert.equal(all.body().changed, 3)
  })

  test('replies waiting longer than N hours move; fresher ones and other statuses stay', async ({
    client,
    assert,
  }) => {
    const { ana, ben, campaign, rows, token } = await world(5)
    await arrange(rows.slice(0, 2), { texter: ana, status: 'needs_response', repliedHoursAgo: 5 })
    await arrange([rows[2]], { texter: ana, status: 'needs_response', repliedHoursAgo: 1 })
    await arrange([rows[3]], { texter: ana, status: 'conversing', repliedHoursAgo: 9 })
    await arrange([rows[4]], { texter: ben, status: 'needs_response', repliedHoursAgo: 8 })
    const post = (body: object) =>
      client.post(`/api/v1/campaigns/${campaign.id}/assignments`).bearerToken(token).json(body)

    const onlyAnas = await post({
      action: 'unassign',
      repliesOlderThanHours: 4,
      fromUserId: ana.userId,
    })
    assertMatchesApiDoc(onlyAnas)
    assert.equal(onlyAnas.body().changed, 2)
    assert.deepEqual(await holders(rows), [null, null, ana.userId, ana.userId, ben.userId])

    const anyone = await post({
      action: 'reassign',
      repliesOlderThanHours: 0.5,
      toUserId: ben.userId,
    })
    // The two pooled replies and Ana's fresh one; Ben's own stays as it was.
    assert.equal(anyone.body().changed, 3)
    assert.deepEqual(await holders(rows), [
      ben.userId,
      ben.userId,
      ben.userId,
      ana.userId,
      ben.userId,
    ])
  })

  test('texters who lose or gain conversations hear it once each; unsent contacts move quietly', async ({
    client,
    assert,
  }) => {
    const { owner, ana, ben, campaign, rows, token } = await world(4)
    await arrange(rows.slice(0, 2), { texter: ana, status: 'needs_response', messagedBy: ana })
    await arrange([rows[2]], { texter: ben, status: 'conversing', messagedBy: ben })
    await arrange([rows[3]], { texter: ana })
    const carla = await createMember('texter', { organization: owner.organization })
    const broadcasts = recordBroadcasts()
    try {
      const moved = await client
        .post(`/api/v1/campaigns/${campaign.id}/assignments`)
        .bearerToken(token)
        .json({
          action: 'reassign',
          toUserId: carla.userId,
          campaignContactIds: rows.map((row) => row.id),
        })
      assert.equal(moved.body().changed, 4)
      const org = campaign.organizationId
      for (const member of [ana, ben, carla]) {
        const heard = broadcasts.on(memberChannel(org, member.userId))
        assert.lengthOf(heard, 1)
        assert.deepInclude(heard[0], { type: 'conversation.updated' })
        assert.deepInclude(heard[0].conversation, {
          campaignId: campaign.id,
          assignedUserId: carla.userId,
        })
      }
      assert.lengthOf(broadcasts.on(organizationChannel(org)), 1)

      broadcasts.sent.length = 0
      await client
        .post(`/api/v1/campaigns/${campaign.id}/assignments`)
        .bearerToken(token)
        .json({ action: 'unassign', fromUserId: carla.userId, scope: 'unsent' })
      assert.lengthOf(broadcasts.sent, 0)
    } finally {
      broadcasts.restore()
    }
  })

  test('a suspended texter’s load can still be moved, but nobody inactive can receive it', async ({
    client,
    assert,
  }) => {
    const { owner, ana, campaign, rows, token } = await world(2)
    const gone = await createMember('texter', {
      organization: owner.organization,
      status: 'suspended',
    })
    await arrange(rows, { texter: gone })
    const post = (body: object) =>
      client.post(`/api/v1/campaigns/${campaign.id}/assignments`).bearerToken(token).json(body)

    const refused = await post({
      action: 'reassign',
      fromUserId: ana.userId,
      toUserId: gone.userId,
    })
    refused.assertStatus(422)
    assertMatchesApiDoc(refused)
    assert.equal(refused.body().errors[0].field, 'toUserId')

    const moved = await post({ action: 'reassign', fromUserId: gone.userId, toUserId: ana.userId })
    assert.equal(moved.body().changed, 2)
  })
})

test.group('Assignments | API | refusals', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('says what is wrong with a request that does not name one clear move', async ({
    client,
    assert,
  }) => {
    const { ana, ben, campaign, rows, token } = await world(2)
    const post = (body: object) =>
      client.post(`/api/v1/campaigns/${campaign.id}/assignments`).bearerToken(token).json(body)
    const cases: [object, string][] = [
      [{ action: 'assign', count: 2 }, 'toUserId'],
      [{ action: 'assign', toUserId: ana.userId }, 'count'],
      [{ action: 'assign', toUserId: ana.userId, count: 1, fromUserId: ben.userId }, 'action'],
      [{ action: 'unassign', toUserId: ana.userId, fromUserId: ben.userId }, 'toUserId'],
      [{ action: 'reassign', toUserId: ana.userId }, 'campaignContactIds'],
      [
        {
          action: 'reassign',
          toUserId: ana.userId,
          campaignContactIds: [rows[0].id],
          repliesOlderThanHours: 2,
        },
        'campaignContactIds',
      ],
      [{ action: 'reassign', toUserId: ana.userId, fromUserId: ben.userId, count: 3 }, 'count'],
      [{ action: 'move', toUserId: ana.userId }, 'action'],
      [{ action: 'unassign', repliesOlderThanHours: -1 }, 'repliesOlderThanHours'],
    ]
    for (const [body, field] of cases) {
      const response = await post(body)
      response.assertStatus(422)
      assertMatchesApiDoc(response)
      assert.include(
        response.body().errors.map((error: { field: string }) => error.field),
        field,
        JSON.stringify(body)
      )
    }
    assert.deepEqual(await holders(rows), [null, null])
  })

  test('another organization’s campaign, contact or member is not found, and nothing moves', async ({
    client,
    assert,
  }) => {
    const { owner, ana, campaign, rows, token } = await world(2)
    await arrange(rows, { texter: ana })
    const other = await createMember('owner')
    const stranger = await createMember('texter', { organization: other.organization })
    const theirs = await launchedCampaign(other, 1)
    const post = (id: number, body: object) =>
      client.post(`/api/v1/campaigns/${id}/assignments`).bearerToken(token).json(body)

    const responses = [
      await post(theirs.campaign.id, { action: 'assign', toUserId: ana.userId, count: 1 }),
      await post(campaign.id, {
        action: 'reassign',
        fromUserId: ana.userId,
        toUserId: stranger.userId,
      }),
      await post(campaign.id, { action: 'unassign', fromUserId: stranger.userId }),
      // One of ours and one of theirs: all or nothing.
      await post(campaign.id, {
        action: 'unassign',
        campaignContactIds: [rows[0].id, theirs.rows[0].id],
      }),
      await client.get(`/api/v1/campaigns/${theirs.campaign.id}/assignments`).bearerToken(token),
    ]
    for (const response of responses) {
      response.assertStatus(404)
      assertMatchesApiDoc(response)
    }
    assert.deepEqual(await holders(rows), [ana.userId, ana.userId])
    assert.deepEqual(await holders(theirs.rows), [null])
    const audited = await AuditEvent.query()
      .where('organization_id', owner.organizationId)
      .where('action', 'like', 'campaign.contacts_%')
    assert.lengthOf(audited, 0)
  })

  test('texters may not move contacts or read assignments; supervisors may', async ({
    client,
    assert,
  }) => {
    const { owner, ana, campaign } = await world(2)
    const texterToken = await apiTokenFor(ana)
    const forbidden = [
      await client.get(`/api/v1/campaigns/${campaign.id}/assignments`).bearerToken(texterToken),
      await client
        .post(`/api/v1/campaigns/${campaign.id}/assignments`)
        .bearerToken(texterToken)
        .json({ action: 'assign', toUserId: ana.userId, count: 2 }),
    ]
    for (const response of forbidden) {
      response.assertStatus(403)
      assertMatchesApiDoc(response)
    }

    const supervisor = await createMember('supervisor', { organization: owner.organization })
    const allowed = await client
      .post(`/api/v1/campaigns/${campaign.id}/assignments`)
      .bearerToken(await apiTokenFor(supervisor))
      .json({ action: 'assign', toUserId: ana.userId, count: 2 })
    assert.equal(allowed.body().changed, 2)
  })

  test('assigning needs an active campaign; moving conversations does not', async ({
    client,
    assert,
  }) => {
    const { owner, ana, ben, campaign, rows, token } = await world(2)
    await arrange([rows[0]], { texter: ana, status: 'needs_response' })
    await ChangeCampaignStatus.handle({ actor: owner, campaign, change: 'pause' })
    const post = (body: object) =>
      client.post(`/api/v1/campaigns/${campaign.id}/assignments`).bearerToken(token).json(body)

    const refused = await post({ action: 'assign', toUserId: ana.userId, count: 1 })
    refused.assertStatus(409)
    assertMatchesApiDoc(refused)
    assert.match(refused.body().errors[0].message, /paused/)

    const moved = await post({ action: 'reassign', fromUserId: ana.userId, toUserId: ben.userId })
    assert.equal(moved.body().changed, 1)
  })
})

test.group('Assignments | API | figures', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('counts per texter: held, unsent, sent, needs reply, last sent and texting now', async ({
    client,
    assert,
  }) => {
    const { ana, ben, campaign, rows, token } = await world(6)
    await arrange(rows.slice(0, 2), { texter: ana })
    await arrange(rows.slice(2, 4), { texter: ana, status: 'needs_response', messagedBy: ana })
    // Ben texted this one first; it is Ana's now.
    await arrange([rows[4]], {
      texter: ana,
      status: 'conversing',
      messagedBy: ben,
      escalated: true,
    })
    await textOf(rows[2], { direction: 'outbound', body: 'Hi', sentBy: ana, minutesAgo: 2 })
    await textOf(rows[4], { direction: 'outbound', body: 'Hi', sentBy: ben, minutesAgo: 30 })

    const response = await client
      .get(`/api/v1/campaigns/${campaign.id}/assignments`)
      .bearerToken(token)
    response.assertStatus(200)
    assertMatchesApiDoc(response)
    const body = response.body()
    assert.equal(body.unassigned, 1)
    assert.equal(body.escalated, 1)
    const byUser = Object.fromEntries(
      body.texters.map((texter: { userId: number }) => [texter.userId, texter])
    )
    assert.deepInclude(byUser[ana.userId], {
      assigned: 5,
      unsent: 2,
      sent: 2,
      needsReply: 2,
      textingNow: true,
      memberStatus: 'active',
    })
    assert.deepInclude(byUser[ben.userId], {
      assigned: 0,
      unsent: 0,
      sent: 1,
      needsReply: 0,
      textingNow: false,
    })
    assert.isNotNull(byUser[ben.userId].lastSentAt)
    assert.lengthOf(body.texters, 2)
  })
})
