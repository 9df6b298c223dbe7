import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'
import Message from '#models/message'
import MessageMedia from '#models/message_media'
import FollowUpStep from '#models/follow_up_step'
import { createMember } from '#tests/helpers/members'
import { createConversation } from '#tests/helpers/conversations'
import { asMember } from '#tests/helpers/web'
import { libraryPicture } from '#tests/helpers/media'
import { campaignContacts, launchedCampaign, texting } from '#tests/helpers/texting'
import sms from '#services/sms'
import { clock } from '#services/clock'
import { Dispatcher } from '#services/outbox/dispatcher'
import { SENT_LINK_LIFETIME_MS } from '#services/media/sent_links'

test.group('Media | sending pictures', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => {
    clock.reset()
    sms.restore()
  })

  test('the provider gets signed links that serve each picture, alone, until they expire', async ({
    client,
    assert,
  }) => {
    const fake = sms.fake()
    const texter = await createMember('texter')
    const admin = await createMember('admin', { organization: texter.organization })
    const flyer = await libraryPicture(admin, 'flyer.png')
    const thanks = await libraryPicture(admin, 'thanks.png')
    const { conversation } = await createConversation(texter, { status: 'needs_response' })
    await asMember(
      client.post(urlFor('conversations.reply', { id: conversation.id })),
      texter
    ).json({
      body: 'The flyer',
      idempotencyKey: 'press-send-1',
      mediaIds: [flyer.id, thanks.id],
    })

    await new Dispatcher().drainOnce()

    const [sent] = fake.sent
    const urls = sent.message.mediaUrls ?? []
    assert.lengthOf(urls, 2)
    for (const url of urls) assert.isTrue(url.startsWith(`${appUrl}/media/sent/`))

    // No session, the picture only, as the image it is.
    const first = await client.get(new URL(urls[0]).pathname)
    first.assertStatus(200)
    assert.equal(first.header('content-type'), 'image/png')
    assert.equal(first.header('x-content-type-options'), 'nosniff')
    assert.equal(first.header('content-disposition'), 'inline; filename="picture-1.png"')

    // A token changed by one character, or naming another picture, reaches nothing.
    const path = new URL(urls[1]).pathname
    const [id, expires, signature] = path.split('/').pop()!.split('.')
    const forged = `/media/sent/${Number(id) + 1}.${expires}.${signature}`
    const forgedResponse = await client.get(forged)
    forgedResponse.assertStatus(404)
    const flipped = `${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`
    const flippedResponse = await client.get(flipped)
    flippedResponse.assertStatus(404)

    clock.travel(SENT_LINK_LIFETIME_MS + 1000)
    const expired = await client.get(path)
    expired.assertStatus(410)
  })

  test('a send retried after a provider failure carries the same pictures, once each', async ({
    client,
    assert,
  }) => {
    const fake = sms.fake()
    let failures = 1
    fake.failWhen(() => failures-- > 0, {
      errorClass: 'transient',
      code: 'timeout',
      message: 'The provider did not answer',
    })
    const texter = await createMember('texter')
    const admin = await createMember('admin', { organization: texter.organization })
    const flyer = await libraryPicture(admin, 'flyer.png')
    const { conversation } = await createConversation(texter, { status: 'needs_response' })
    await asMember(
      client.post(urlFor('conversations.reply', { id: conversation.id })),
      texter
    ).json({
      body: 'Again',
      idempotencyKey: 'press-send-2',
      mediaIds: [flyer.id],
    })

    await new Dispatcher().drainOnce()
    assert.lengthOf(fake.sent, 0)
    clock.travel(60 * 60 * 1000)
    await new Dispatcher().drainOnce()

    assert.lengthOf(fake.sent, 1)
    const picture = await MessageMedia.query().where('media_item_id', flyer.id).firstOrFail()
    const reply = await Message.findOrFail(picture.messageId)
    assert.equal(reply.status, 'sent')
    const urls = fake.sent[0].message.mediaUrls ?? []
    assert.lengthOf(urls, 1)
    const served = await client.get(new URL(urls[0]).pathname)
    served.assertStatus(200)
  })
})

test.group('Media | first texts with pictures', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sms.restore())

  test("a texter's send carries the variant's picture to the provider", async ({
    client,
    assert,
  }) => {
    const fake = sms.fake()
    const owner = await createMember('owner')
    const texter = await createMember('texter', { organization: owner.organization })
    const flyer = await libraryPicture(owner, 'flyer.png')
    const { campaign } = await launchedCampaign(owner, { contacts: 1, mediaIds: [flyer.id] })
    const claimed = await texting(client, texter, 'post', campaign, 'texting.claim')
    claimed.assertStatus(200)
    const [row] = await campaignContacts(campaign)

    const sent = await texting(client, texter, 'post', campaign, 'texting.send', {
      campaignContactId: row.id,
      idempotencyKey: 'send-mms-0001',
    })
    sent.assertStatus(200)
    await new Dispatcher().drainOnce()

    const [recorded] = fake.sent
    assert.lengthOf(recorded.message.mediaUrls ?? [], 1)
    const picture = await client.get(new URL(recorded.message.mediaUrls![0]).pathname)
    picture.assertStatus(200)
    assert.equal(picture.header('content-type'), 'image/png')
  })
})

test.group('Media | follow-ups with pictures', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => {
    clock.reset()
    sms.restore()
  })

  test("a follow-up step's picture goes out with its text", async ({ client, assert }) => {
    const fake = sms.fake()
    const owner = await createMember('owner')
    const texter = await createMember('texter', { organization: owner.organization })
    const flyer = await libraryPicture(owner, 'flyer.png')
    const { campaign } = await launchedCampaign(owner, {
      contacts: 1,
      followUps: [
        {
          afterHours: 24,
          variants: [{ body: 'Hi again {firstName}, here is the flyer', mediaIds: [flyer.id] }],
        },
      ],
    })
    const claimed = await texting(client, texter, 'post', campaign, 'texting.claim')
    claimed.assertStatus(200)
    const [row] = await campaignContacts(campaign)
    const first = await texting(client, texter, 'post', campaign, 'texting.send', {
      campaignContactId: row.id,
      idempotencyKey: 'send-first-0001',
    })
    first.assertStatus(200)
    await new Dispatcher().drainOnce()
    assert.lengthOf(fake.sent, 1)
    assert.isEmpty(fake.sent[0].message.mediaUrls ?? [])

    clock.travel(25 * 60 * 60 * 1000)
    const [step] = await FollowUpStep.query().where('campaign_id', campaign.id)
    const next = await texting(client, texter, 'get', campaign, 'texting.next')
    next.assertStatus(200)
    assert.containSubset(next.body().contacts, [
      {
        followUp: { stepId: step.id },
        body: 'Hi again Person1, here is the flyer',
        pictures: [{ name: 'flyer.png', url: `/media/${flyer.id}/file` }],
      },
    ])
    const followUp = await texting(client, texter, 'post', campaign, 'texting.send', {
      campaignContactId: row.id,
      followUpStepId: step.id,
      idempotencyKey: 'send-follow-up-0001',
    })
    followUp.assertStatus(200)
    await new Dispatcher().drainOnce()

    assert.lengthOf(fake.sent, 2)
    const recorded = fake.sent[1]
    assert.equal(recorded.message.body, 'Hi again Person1, here is the flyer')
    const urls = recorded.message.mediaUrls ?? []
    assert.lengthOf(urls, 1)
    assert.isTrue(urls[0].startsWith(`${appUrl}/media/sent/`))
    const picture = await client.get(new URL(urls[0]).pathname)
    picture.assertStatus(200)
    assert.equal(picture.header('content-type'), 'image/png')
    const message = await Message.findOrFail(followUp.body().message.id)
    assert.equal(message.purpose, 'campaign_follow_up')
    const stored = await MessageMedia.query().where('message_id', message.id)
    assert.deepEqual(
      stored.map((media) => media.mediaItemId),
      [flyer.id]
    )
  })
})
