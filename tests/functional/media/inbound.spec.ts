import { test } from '@japa/runner'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import testUtils from '@adonisjs/core/services/test_utils'
import Message from '#models/message'
import MessageMedia from '#models/message_media'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { createFakeAccount, fakeInbound, postFakeWebhook, SENDER } from '#tests/helpers/messaging'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { pngPicture } from '#tests/helpers/media'
import { inboundPicturesSettled, sweepStalledPictures } from '#services/media/inbound_pictures'
import { DateTime } from 'luxon'
import { createConversation } from '#tests/helpers/conversations'
import { asMember } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import drive from '@adonisjs/drive/services/main'

/** A stand-in for a provider's media host: a picture, a page, redirects, and nothing. */
async function mediaHost() {
  const png = await pngPicture(20, 10)
  const requests: string[] = []
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '')
    const hops = /^\/hop\/(\d+)$/.exec(request.url ?? '')
    if (request.url === '/photo.png') {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' })
      return response.end(png)
    }
    if (request.url === '/page.jpg') {
      response.writeHead(200, { 'Content-Type': 'image/jpeg' })
      return response.end('<html><script>alert(1)</script></html>')
    }
    if (hops) {
      const left = Number(hops[1])
      response.writeHead(302, { Location: left ? `/hop/${left - 1}` : '/photo.png' })
      return response.end()
    }
    response.writeHead(404)
    response.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { base, requests, close: () => new Promise((resolve) => server.close(resolve)) }
}

/** A text received from `from` on the fake carrier's number. */
function receivedText(
  fields: Partial<Message> & { organizationId: number; body: string; from: string }
) {
  return Message.create({
    direction: 'inbound',
    to: SENDER,
    status: 'received',
    segments: 1,
    encoding: 'GSM-7',
    attempts: 0,
    ...fields,
  })
}

/** An owner with a fake carrier account and a contact, and a media host closed after `work`. */
async function withInboundScene(
  work: (scene: {
    host: Awaited<ReturnType<typeof mediaHost>>
    owner: Awaited<ReturnType<typeof createMember>>
    account: Awaited<ReturnType<typeof createFakeAccount>>
    contact: Awaited<ReturnType<typeof createContact>>
  }) => Promise<void>
) {
  const host = await mediaHost()
  try {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const contact = await createContact(owner.organizationId)
    await work({ host, owner, account, contact })
  } finally {
    await host.close()
  }
}

test.group('Media | inbound pictures', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('pictures are fetched after the text is saved; failures say why', async ({
    client,
    assert,
  }) => {
    await withInboundScene(async ({ host, owner, account, contact }) => {
      const payload = {
        ...fakeInbound(contact.phone, 'Here is my photo'),
        mediaUrls: [
          `${host.base}/hop/2`,
          `${host.base}/page.jpg`,
          `${host.base}/gone.png`,
          `${host.base}/hop/3`,
        ],
      }

      const response = await postFakeWebhook(account, payload)
      assert.equal(response.status, 204)
      const message = await Message.query()
        .where('organization_id', owner.organizationId)
        .where('direction', 'inbound')
        .firstOrFail()
      assert.equal(message.body, 'Here is my photo')

      await inboundPicturesSettled()
      const pictures = await MessageMedia.query()
        .where('message_id', message.id)
        .orderBy('position')
      assert.deepEqual(
        pictures.map((picture) => [picture.status, picture.contentType, picture.failureReason]),
        [
          ['ready', 'image/png', null],
          ['failed', null, 'it is not a JPEG, PNG or GIF picture'],
          ['failed', null, 'the provider answered 404'],
          ['failed', null, 'the provider redirected more than 3 times'],
        ]
      )

      const token = await apiTokenFor(owner)
      const listed = await client.get('/api/v1/messages').bearerToken(token)
      assertMatchesApiDoc(listed)
      const [item] = listed.body().data
      assert.equal(item.media[0].contentType, 'image/png')
      assert.equal(item.media[2].failureReason, 'the provider answered 404')

      const picture = await client.get(new URL(item.media[0].url).pathname).bearerToken(token)
      picture.assertStatus(200)
      assert.equal(picture.header('content-type'), 'image/png')
      assert.equal(picture.header('x-content-type-options'), 'nosniff')
      const failed = await client.get(new URL(item.media[1].url).pathname).bearerToken(token)
      failed.assertStatus(404)

      const stranger = await apiTokenFor(await createMember('owner'))
      const elsewhere = await client.get(new URL(item.media[0].url).pathname).bearerToken(stranger)
      elsewhere.assertStatus(404)
    })
  })
})

test.group('Media | pictures in the thread', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("the thread lists each text's pictures; members of the organization only open them", async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const { conversation, contact } = await createConversation(texter, { status: 'needs_response' })
    const inbound = await receivedText({
      organizationId: texter.organizationId,
      contactId: contact.id,
      campaignId: conversation.campaignId,
      campaignContactId: conversation.id,
      body: 'Look!',
      from: contact.phone,
    })
    await drive.use().put('inbound/test/photo.png', await pngPicture())
    await MessageMedia.createMany([
      {
        organizationId: texter.organizationId,
        messageId: inbound.id,
        position: 0,
        storageKey: 'inbound/test/photo.png',
        contentType: 'image/png',
        bytes: 100,
        status: 'ready',
      },
      {
        organizationId: texter.organizationId,
        messageId: inbound.id,
        position: 1,
        sourceUrl: 'https://media.example.org/1',
        status: 'failed',
        failureReason: 'the provider answered 404',
      },
    ])

    const page = inertiaPage(
      await asMember(client.get(`/conversations/${conversation.id}`), texter)
    )
    const shown = page.props.messages.find((message: { id: number }) => message.id === inbound.id)
    assert.deepEqual(shown.pictures, [
      { position: 0, status: 'ready', failureReason: null, url: `/messages/${inbound.id}/media/0` },
      {
        position: 1,
        status: 'failed',
        failureReason: 'the provider answered 404',
        url: `/messages/${inbound.id}/media/1`,
      },
    ])

    const picture = await asMember(client.get(`/messages/${inbound.id}/media/0`), texter)
    picture.assertStatus(200)
    assert.equal(picture.header('content-type'), 'image/png')
    assert.equal(picture.header('x-content-type-options'), 'nosniff')
    const stranger = await createMember('owner')
    const elsewhere = await asMember(client.get(`/messages/${inbound.id}/media/0`), stranger)
    elsewhere.assertStatus(404)
  })
})

test.group('Media | inbound pictures a stopped process left pending', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('are fetched once by the sweeps, however many run; a day-old one is given up', async ({
    assert,
  }) => {
    await withInboundScene(async ({ host, owner, account, contact }) => {
      const inboundText = () =>
        receivedText({
          organizationId: owner.organizationId,
          providerAccountId: account.id,
          contactId: contact.id,
          body: 'Here is my photo',
          from: contact.phone,
        })
      const [cutShort, underWay, forgotten] = [
        { path: '/photo.png', at: DateTime.now().minus({ minutes: 10 }) },
        { path: '/photo.png?under-way', at: DateTime.now() },
        { path: '/photo.png?forgotten', at: DateTime.now().minus({ days: 2 }) },
      ]
      const pictures = []
      for (const { path, at } of [cutShort, underWay, forgotten]) {
        const text = await inboundText()
        pictures.push(
          await MessageMedia.create({
            organizationId: owner.organizationId,
            messageId: text.id,
            position: 0,
            sourceUrl: `${host.base}${path}`,
            status: 'pending',
            createdAt: at,
            updatedAt: at,
          })
        )
      }
      const [stalled, justStarted, given] = pictures

      await Promise.all([sweepStalledPictures(), sweepStalledPictures()])
      await inboundPicturesSettled()

      assert.deepEqual(host.requests, ['/photo.png'])
      await Promise.all(pictures.map((picture) => picture.refresh()))
      assert.equal(stalled.status, 'ready')
      assert.equal(stalled.contentType, 'image/png')
      assert.equal(justStarted.status, 'pending')
      assert.equal(given.status, 'failed')
      assert.equal(given.failureReason, 'the provider could not be reached in time')
    })
  })
})
