import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import sharp from 'sharp'
import MediaItem from '#models/media_item'
import ScriptVariant from '#models/script_variant'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { createDraft } from '#tests/helpers/campaigns'
import { bigPhoto, libraryPicture, pictureFile, pngPicture } from '#tests/helpers/media'

function upload(client: ApiClient, token: string, path: string) {
  return client.post('/api/v1/media').bearerToken(token).file('file', path)
}

test.group('API | media library', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a PNG named .txt is taken as the PNG it is', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const path = await pictureFile('notes.txt', await pngPicture(40, 30))

    const response = await upload(client, token, path)

    response.assertStatus(201)
    assertMatchesApiDoc(response)
    assert.containSubset(response.body(), {
      contentType: 'image/png',
      width: 40,
      height: 30,
      name: 'notes.txt',
    })
    const file = await client.get(new URL(response.body().url).pathname).bearerToken(token)
    file.assertStatus(200)
    assert.equal(file.header('content-type'), 'image/png')
    assert.equal(file.header('x-content-type-options'), 'nosniff')
    assert.match(file.header('content-disposition') ?? '', /^inline; filename="notes\.png"$/)
  })

  test('an SVG or an HTML page named .jpg is refused, saying why', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const svg = await pictureFile(
      'flyer.jpg',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    const html = await pictureFile('photo.jpg', '<!doctype html><html><body>hi</body></html>')

    for (const path of [svg, html]) {
      const response = await upload(client, token, path)
      response.assertStatus(422)
      assertMatchesApiDoc(response)
      const [error] = response.body().errors
      assert.equal(error.field, 'file')
      assert.match(error.message, /^Only JPEG, PNG and GIF pictures can be sent/)
    }
    assert.lengthOf(await MediaItem.forOrganization(admin.organizationId), 0)
  })

  test('a 20 MB photo is fitted under the carrier limit; the original is kept', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('owner')
    const token = await apiTokenFor(admin)
    const photo = await bigPhoto()
    assert.isAbove(photo.length, 20 * 1000 * 1000)
    const path = await pictureFile('IMG_0001.JPG', photo)

    const response = await upload(client, token, path)

    response.assertStatus(201)
    const body = response.body()
    assert.equal(body.contentType, 'image/jpeg')
    assert.isAtMost(body.bytes, 600 * 1024)
    assert.isAtMost(Math.max(body.width, body.height), 1600)
    assert.equal(body.originalBytes, photo.length)

    const item = await MediaItem.findOrFail(body.id)
    const sent = await drive.use().getBytes(item.storageKey)
    assert.equal(sent.length, body.bytes)
    const meta = await sharp(sent).metadata()
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', body.width, body.height])
    const original = await drive.use().getBytes(item.originalKey)
    assert.equal(Buffer.compare(Buffer.from(original), photo), 0)
  }).timeout(60_000)

  test('members list and see pictures; only admins add or delete them', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const texter = await createMember('texter', { organization: admin.organization })
    const item = await libraryPicture(admin)
    const token = await apiTokenFor(texter)

    const list = await client.get('/api/v1/media').bearerToken(token)
    list.assertStatus(200)
    assertMatchesApiDoc(list)
    assert.deepEqual(
      list.body().data.map((each: { id: number }) => each.id),
      [item.id]
    )
    const file = await client.get(`/api/v1/media/${item.id}/file`).bearerToken(token)
    file.assertStatus(200)

    const path = await pictureFile('a.png', await pngPicture())
    const uploaded = await upload(client, token, path)
    uploaded.assertStatus(403)
    const deleted = await client.delete(`/api/v1/media/${item.id}`).bearerToken(token)
    deleted.assertStatus(403)
  })

  test("another organization's picture is not found", async ({ client, assert }) => {
    const ours = await createMember('owner')
    const theirs = await createMember('owner')
    const item = await libraryPicture(theirs)
    const token = await apiTokenFor(ours)

    const file = await client.get(`/api/v1/media/${item.id}/file`).bearerToken(token)
    file.assertStatus(404)
    const deleted = await client.delete(`/api/v1/media/${item.id}`).bearerToken(token)
    deleted.assertStatus(404)
    const list = await client.get('/api/v1/media').bearerToken(token)
    assert.deepEqual(list.body().data, [])
    assert.exists(await MediaItem.find(item.id))
  })

  test('delete is refused while a running campaign sends the picture', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const item = await libraryPicture(admin)
    const campaign = await createDraft(admin, { audience: { listIds: [] } })
    const variant = await ScriptVariant.findByOrFail('campaign_id', campaign.id)
    await variant.merge({ mediaIds: [item.id] }).save()
    await campaign.merge({ status: 'active' }).save()

    const refused = await client.delete(`/api/v1/media/${item.id}`).bearerToken(token)

    refused.assertStatus(409)
    assertMatchesApiDoc(refused)
    assert.include(refused.body().errors[0].message, `"${campaign.name}"`)
    assert.isTrue(await drive.use().exists(item.storageKey))

    await campaign.merge({ status: 'completed' }).save()
    const deleted = await client.delete(`/api/v1/media/${item.id}`).bearerToken(token)
    deleted.assertStatus(204)
    assert.isNull(await MediaItem.find(item.id))
    await variant.refresh()
    assert.deepEqual(variant.mediaIds, [])
    assert.isFalse(await drive.use().exists(item.storageKey))
    assert.isFalse(await drive.use().exists(item.originalKey))
  })
})
