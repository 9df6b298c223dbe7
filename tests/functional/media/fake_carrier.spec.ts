import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Message from '#models/message'
import MessageMedia from '#models/message_media'
import { createMember } from '#tests/helpers/members'
import { asMember, fieldErrors } from '#tests/helpers/web'
import { pictureFile, pngPicture } from '#tests/helpers/media'
import { inboundPicturesSettled } from '#services/media/inbound_pictures'
import webhookProcessor from '#services/webhooks/processor'
import { clock } from '#services/clock'
import { SENT_LINK_LIFETIME_MS } from '#services/media/sent_links'
import { fakeAccount, PHONE, phoneMessages, SENDER } from '../fake_carrier/helpers.js'

test.group('Media | fake carrier pictures', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('a person replies with a photo through the signed webhook; the app keeps it', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const account = await fakeAccount(admin.organizationId)
    const photo = await pictureFile('IMG_2001.png', await pngPicture(30, 20))

    const response = await asMember(
      client.post(urlFor('phones.store', { accountId: account.id })),
      admin
    )
      .field('phone', PHONE)
      .field('to', SENDER)
      .field('body', 'Here we are!')
      .file('picture', photo)
    response.assertStatus(302)
    await webhookProcessor.idle()
    await inboundPicturesSettled()

    const [sent] = await phoneMessages(account.id).where('direction', 'from_phone')
    assert.lengthOf(sent.media, 1)
    const carrierLink = new URL(sent.media[0]).pathname
    assert.match(carrierLink, /^\/fake-carrier\/media\//)

    const message = await Message.query()
      .where('organization_id', admin.organizationId)
      .where('direction', 'inbound')
      .firstOrFail()
    assert.equal(message.body, 'Here we are!')
    const [picture] = await MessageMedia.query().where('message_id', message.id)
    assert.equal(picture.status, 'ready')
    assert.equal(picture.contentType, 'image/png')

    const hosted = await client.get(carrierLink)
    hosted.assertStatus(200)
    assert.equal(hosted.header('content-type'), 'image/png')
    clock.travel(SENT_LINK_LIFETIME_MS + 1000)
    const expired = await client.get(carrierLink)
    expired.assertStatus(410)
  })

  test('a file that is not a picture is refused on the Phones page', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const account = await fakeAccount(admin.organizationId)
    const page = await pictureFile('photo.jpg', '<svg xmlns="http://www.w3.org/2000/svg"/>')

    const response = await asMember(
      client.post(urlFor('phones.store', { accountId: account.id })),
      admin
    )
      .field('phone', PHONE)
      .field('to', SENDER)
      .field('body', 'Look')
      .file('picture', page)

    response.assertStatus(302)
    assert.match(fieldErrors(response).picture?.[0] ?? '', /^Only JPEG, PNG and GIF/)
    assert.lengthOf(await phoneMessages(account.id).where('direction', 'from_phone'), 0)
  })
})
