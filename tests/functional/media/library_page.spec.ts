import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import MediaItem from '#models/media_item'
import { createMember } from '#tests/helpers/members'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { libraryPicture, pictureFile, pngPicture } from '#tests/helpers/media'

test.group('Media | library page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin uploads a picture and sees it listed', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const path = await pictureFile('team.png', await pngPicture(64, 48))

    const posted = await asMember(client.post(urlFor('media.store')), admin).file('file', path)

    posted.assertStatus(302)
    posted.assertHeader('location', '/media')
    const page = inertiaPage(await asMember(client.get('/media'), admin))
    assert.equal(page.component, 'media/index')
    assert.isTrue(page.props.canManage)
    const [item] = page.props.items
    assert.containSubset(item, { name: 'team.png', contentType: 'image/png', width: 64 })
    assert.equal(item.url, `/media/${item.id}/file`)

    const file = await asMember(client.get(item.url), admin)
    file.assertStatus(200)
    assert.equal(file.header('content-type'), 'image/png')
    assert.equal(file.header('x-content-type-options'), 'nosniff')
  })

  test('a file that is not a picture goes back with the reason', async ({ client, assert }) => {
    const admin = await createMember('owner')
    const path = await pictureFile('flyer.jpg', '<html><script>alert(1)</script></html>')

    const posted = await asMember(client.post(urlFor('media.store')), admin).file('file', path)

    posted.assertStatus(302)
    assert.match(fieldErrors(posted).file[0], /^Only JPEG, PNG and GIF pictures can be sent/)
    assert.lengthOf(await MediaItem.forOrganization(admin.organizationId), 0)
  })

  test('texters see the library but cannot change it', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const texter = await createMember('texter', { organization: admin.organization })
    const item = await libraryPicture(admin)

    const page = inertiaPage(await asMember(client.get('/media'), texter))
    assert.isFalse(page.props.canManage)
    assert.lengthOf(page.props.items, 1)
    const file = await asMember(client.get(`/media/${item.id}/file`), texter)
    file.assertStatus(200)

    const path = await pictureFile('a.png', await pngPicture())
    assertFormRefused(await asMember(client.post(urlFor('media.store')), texter).file('file', path))
    assertFormRefused(
      await asMember(client.delete(urlFor('media.destroy', { id: item.id })), texter)
    )
    assert.exists(await MediaItem.find(item.id))
  })

  test("another organization's picture is not found", async ({ client }) => {
    const ours = await createMember('owner')
    const item = await libraryPicture(await createMember('owner'))

    const file = await asMember(client.get(`/media/${item.id}/file`), ours)
    file.assertStatus(404)
  })
})
