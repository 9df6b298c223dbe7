import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Contact from '#models/contact'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { importFixture } from '#tests/helpers/imports'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember } from '#tests/helpers/web'

const FILE = [
  'Phone,Name,Signed up via,Signed up on',
  '(415) 555-0142,Nia,Spring canvass,2026-03-31',
  '(415) 555-0143,Oto,Web form,4/2/2026 14:30',
  '(415) 555-0144,Ama,,',
  '(415) 555-0145,Bad,Web form,someday',
].join('\r\n')

const byPhone = (organizationId: number, phone: string) =>
  Contact.query().where('organization_id', organizationId).where('phone', phone).firstOrFail()

test.group('Compliance | consent records', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an import maps opt-in source and date columns onto the contacts', async ({ assert }) => {
    const owner = await createMember('owner')
    const record = await importFixture(owner, 'consent.csv', {
      content: FILE,
      mapping: { firstName: 'Name', optInSource: 'Signed up via', optInDate: 'Signed up on' },
    })

    assert.equal(record.rowsCreated, 3)
    assert.equal(record.rowsInvalid, 1)
    assert.containSubset(record.errorsSample, [{ row: 5, field: 'optInDate' }])
    const nia = await byPhone(owner.organizationId, '+14155550142')
    assert.equal(nia.optInSource, 'Spring canvass')
    assert.equal(nia.optInAt!.toUTC().toISO(), '2026-03-31T00:00:00.000Z')
    const oto = await byPhone(owner.organizationId, '+14155550143')
    assert.equal(oto.optInAt!.toUTC().toISO(), '2026-04-02T14:30:00.000Z')
    // Not the custom fields: the mapped columns fill the consent record.
    assert.deepEqual(nia.customFields, {})
    const ama = await byPhone(owner.organizationId, '+14155550144')
    assert.isNull(ama.optInSource)
    assert.isNull(ama.optInAt)

    // A later file without the columns keeps the record.
    await importFixture(owner, 'again.csv', {
      content: 'Phone,Name\r\n(415) 555-0142,Nia B\r\n',
      mapping: { firstName: 'Name' },
    })
    await nia.refresh()
    assert.equal(nia.firstName, 'Nia B')
    assert.equal(nia.optInSource, 'Spring canvass')
  })

  test('columns named for consent are detected without a mapping', async ({ assert }) => {
    const owner = await createMember('owner')
    await importFixture(owner, 'consent.csv', {
      content:
        'Phone,Opt-in source,Opt-in date\r\n(415) 555-0150,Rally sign-in sheet,2026-05-01\r\n',
    })
    const contact = await byPhone(owner.organizationId, '+14155550150')
    assert.equal(contact.optInSource, 'Rally sign-in sheet')
    assert.equal(contact.optInAt!.toUTC().toISODate(), '2026-05-01')
  })

  test('the contact page and the API show the consent record', async ({ client, assert }) => {
    const owner = await createMember('owner')
    await importFixture(owner, 'consent.csv', {
      content: FILE,
      mapping: { optInSource: 'Signed up via', optInDate: 'Signed up on' },
    })
    const nia = await byPhone(owner.organizationId, '+14155550142')
    const ama = await byPhone(owner.organizationId, '+14155550144')

    const page = inertiaPage(
      await asMember(client.get(urlFor('contacts.show', { id: nia.id })), owner)
    )
    assert.deepEqual(page.props.contact.optIn, {
      source: 'Spring canvass',
      at: '2026-03-31T00:00:00.000Z',
    })

    const token = await apiTokenFor(owner)
    const shown = await client.get(`/api/v1/contacts/${nia.id}`).bearerToken(token)
    shown.assertStatus(200)
    assertMatchesApiDoc(shown)
    assert.deepEqual(shown.body().optIn, {
      source: 'Spring canvass',
      at: '2026-03-31T00:00:00.000Z',
    })
    const none = await client.get(`/api/v1/contacts/${ama.id}`).bearerToken(token)
    assertMatchesApiDoc(none)
    assert.isNull(none.body().optIn)
  })
})
