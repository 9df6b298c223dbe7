import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#models/contact'
import Import from '#models/import'
import { createMember } from '#tests/helpers/members'
import { asMember, assertFormRefused } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { fixturePath, runQueuedImports } from '#tests/helpers/imports'
import { urlFor } from '@adonisjs/core/services/url_builder'

/**
 * The browser wizard, through its endpoints: upload → preview with the
 * detected mapping → fix the mapping → start → progress → counts and report.
 */
test.group('Imports | the wizard', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('upload, fix the mapping on the preview, start, and download the report', async ({
    client,
    assert,
  }) => {
    const member = await createMember('supervisor')

    const form = await asMember(client.get(urlFor('imports.create')), member)
    form.assertStatus(200)
    assert.equal(inertiaPage(form).component, 'imports/create')

    const upload = await asMember(client.post(urlFor('imports.store')), member).file(
      'file',
      fixturePath('remapped.csv')
    )
    upload.assertStatus(302)
    const record = await Import.query()
      .where('organization_id', member.organizationId)
      .firstOrFail()
    assert.equal(upload.header('location'), `/imports/${record.id}`)
    assert.equal(record.status, 'draft')

    // The preview shows the detection: "Phone" holds phones, the rest are custom fields.
    const preview = inertiaPage(
      await asMember(client.get(urlFor('imports.show', { id: record.id })), member)
    )
    assert.equal(preview.component, 'imports/show')
    const { columns, sample, rows, problem } = preview.props.preview
    assert.equal(rows, 2)
    assert.isNull(problem)
    assert.deepEqual(
      columns.map((c: { header: string; target: { kind: string; field?: string } }) => [
        c.header,
        c.target.field ?? c.target.kind,
      ]),
      [
        ['Name', 'custom'],
        ['Phone', 'phone'],
        ['Text Me At', 'custom'],
        ['Town', 'custom'],
      ]
    )
    assert.deepEqual(
      sample.map((row: { row: number; phone: string; problem: string }) => [
        row.row,
        row.phone,
        row.problem,
      ]),
      [
        [2, '+14155550100', null],
        [3, null, 'Same phone number as row 2'],
      ]
    )

    // The organizer points the phone at the right column and names the list.
    const mapping = JSON.stringify({ phone: 'Text Me At', firstName: 'Name', ignore: ['Phone'] })
    const remap = await asMember(
      client.put(urlFor('imports.remap', { id: record.id })),
      member
    ).form({
      list: 'Bay Area',
      defaultRegion: 'us',
      mapping,
    })
    remap.assertStatus(302)
    const remapped = inertiaPage(
      await asMember(client.get(urlFor('imports.show', { id: record.id })), member)
    )
    assert.deepEqual(
      remapped.props.preview.sample.map((row: { phone: string }) => row.phone),
      ['+14155550142', '+14155550143']
    )

    const start = await asMember(
      client.post(urlFor('imports.start', { id: record.id })),
      member
    ).form({
      list: 'Bay Area',
      defaultRegion: 'US',
      mapping,
    })
    start.assertStatus(302)
    assert.equal(start.header('location'), `/imports/${record.id}`)
    await runQueuedImports()

    const done = inertiaPage(
      await asMember(client.get(urlFor('imports.show', { id: record.id })), member)
    )
    assert.containSubset(done.props.importRecord, {
      status: 'completed',
      listName: 'Bay Area',
      totalRows: 2,
      processedRows: 2,
      created: 2,
      errorReportUrl: null,
    })
    assert.isNull(done.props.preview)
    const contacts = await Contact.forOrganization(member.organizationId).orderBy('phone')
    assert.deepEqual(
      contacts.map((c) => [c.phone, c.firstName, c.customFields]),
      [
        ['+14155550142', 'Nia', { Town: 'Oakland' }],
        ['+14155550143', 'Oto', { Town: 'Berkeley' }],
      ]
    )

    // Starting twice is refused.
    const again = await asMember(
      client.post(urlFor('imports.start', { id: record.id })),
      member
    ).form({
      list: 'Bay Area',
      defaultRegion: 'US',
    })
    again.assertStatus(302)
    again.assertFlashMessage('error', 'This import has already started.')

    const index = inertiaPage(await asMember(client.get(urlFor('imports.index')), member))
    assert.deepEqual(
      index.props.imports.map((item: { id: number }) => item.id),
      [record.id]
    )
  })

  test('the report of rows not imported downloads as CSV', async ({ client, assert }) => {
    const member = await createMember('owner')
    await asMember(client.post(urlFor('imports.store')), member).file(
      'file',
      fixturePath('messy.csv')
    )
    const record = await Import.query()
      .where('organization_id', member.organizationId)
      .firstOrFail()
    await asMember(client.post(urlFor('imports.start', { id: record.id })), member).form({
      list: 'Volunteers',
      defaultRegion: 'US',
    })
    await runQueuedImports()

    const page = inertiaPage(
      await asMember(client.get(urlFor('imports.show', { id: record.id })), member)
    )
    assert.containSubset(page.props.importRecord, { status: 'completed', invalid: 3 })
    assert.isString(page.props.importRecord.errorReportUrl)

    const report = await asMember(client.get(urlFor('imports.report', { id: record.id })), member)
    report.assertStatus(200)
    assert.match(report.header('content-disposition') ?? '', /attachment; filename=".*\.csv"/)
    const lines = report
      .text()
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    assert.deepEqual(lines.slice(0, 3), [
      'row,field,reason',
      '3,phone,Same phone number as row 2; row 2 was kept',
      '4,phone,“555-0199” is not a valid phone number in US',
    ])
  })

  test('a file that cannot be imported says why before anything starts', async ({
    client,
    assert,
  }) => {
    const member = await createMember('owner')
    await asMember(client.post(urlFor('imports.store')), member).file(
      'file',
      fixturePath('picture.png')
    )
    const record = await Import.query()
      .where('organization_id', member.organizationId)
      .firstOrFail()

    const page = inertiaPage(
      await asMember(client.get(urlFor('imports.show', { id: record.id })), member)
    )
    assert.include(page.props.preview.failure, 'not a text (CSV) file')
  })

  test('a preview without a phone column asks for one', async ({ client, assert }) => {
    const member = await createMember('owner')
    await asMember(client.post(urlFor('imports.store')), member).file(
      'file',
      fixturePath('no_phone.csv')
    )
    const record = await Import.query()
      .where('organization_id', member.organizationId)
      .firstOrFail()

    const page = inertiaPage(
      await asMember(client.get(urlFor('imports.show', { id: record.id })), member)
    )
    assert.include(page.props.preview.problem, 'could not find a column of phone numbers')
    assert.lengthOf(page.props.preview.columns, 2)
  })

  test('texters cannot import; another organization’s import is not found', async ({ client }) => {
    const texter = await createMember('texter')
    const refused = await asMember(client.post(urlFor('imports.store')), texter).file(
      'file',
      fixturePath('messy.csv')
    )
    assertFormRefused(refused)

    const owner = await createMember('owner')
    await asMember(client.post(urlFor('imports.store')), owner).file(
      'file',
      fixturePath('messy.csv')
    )
    const record = await Import.query().where('organization_id', owner.organizationId).firstOrFail()
    const stranger = await createMember('owner')
    const response = await asMember(client.get(urlFor('imports.show', { id: record.id })), stranger)
    response.assertStatus(404)
  })
})
