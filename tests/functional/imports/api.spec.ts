import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#models/contact'
import ContactList from '#models/contact_list'
import OptOut from '#models/opt_out'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { fixturePath, runQueuedImports, uploadedImport } from '#tests/helpers/imports'

/** A file from the fixtures posted to the imports API. */
function upload(client: ApiClient, token: string, fixture: string) {
  return client.post('/api/v1/imports').bearerToken(token).file('file', fixturePath(fixture))
}

test.group('API | imports', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('POST answers 202 at once; GET shows the exact counts when done', async ({
    client,
    assert,
  }) => {
    const membership = await createMember('supervisor')
    const token = await apiTokenFor(membership)
    await OptOut.create({
      organizationId: membership.organizationId,
      phone: '+13125550177',
      source: 'keyword',
    })

    const accepted = await upload(client, token, 'messy.csv').field('list', 'Spring canvass')

    accepted.assertStatus(202)
    assertMatchesApiDoc(accepted)
    const { id, status } = accepted.body()
    assert.equal(status, 'queued')

    await runQueuedImports()
    const response = await client.get(`/api/v1/imports/${id}`).bearerToken(token)

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    const body = response.body()
    assert.containSubset(body, {
      id,
      status: 'completed',
      totalRows: 9,
      created: 4,
      updated: 0,
      invalid: 3,
      duplicates: 1,
      optedOut: 1,
      listName: 'Spring canvass',
    })
    assert.equal(body.created + body.updated + body.invalid + body.duplicates + body.optedOut, 9)
    assert.deepEqual(
      body.errors.map((error: { row: number; field: string }) => [error.row, error.field]),
      [
        [4, 'phone'],
        [7, 'phone'],
        [10, 'row'],
      ]
    )
    const list = await ContactList.findOrFail(body.listId)
    assert.equal(list.name, 'Spring canvass')

    // The report: authenticated, CSV, every row not imported.
    const reportPath = new URL(body.errorReportUrl).pathname
    assert.equal(reportPath, `/api/v1/imports/${id}/report`)
    const report = await client.get(reportPath).bearerToken(token)
    report.assertStatus(200)
    assert.match(report.header('content-type') ?? '', /^text\/csv/)
    const lines = report
      .text()
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    assert.equal(lines[0], 'row,field,reason')
    assert.lengthOf(lines, 6)

    const anonymous = await client.get(reportPath)
    anonymous.assertStatus(401)
  })

  test('defaultRegion reads numbers written without a country code', async ({ client, assert }) => {
    const membership = await createMember('owner')
    const token = await apiTokenFor(membership)

    const accepted = await upload(client, token, 'remapped.csv')
      .field('defaultRegion', 'gb')
      .field('mapping', JSON.stringify({ phone: 'Text Me At', firstName: 'Name' }))
    accepted.assertStatus(202)
    await runQueuedImports()

    const response = await client.get(`/api/v1/imports/${accepted.body().id}`).bearerToken(token)
    assertMatchesApiDoc(response)
    // "(415) 555-0142" is not a British number.
    assert.containSubset(response.body(), { status: 'completed', created: 0, invalid: 2 })
    assert.include(response.body().errors[0].message, 'GB')
  })

  test('a file that cannot be imported fails with the reason and changes nothing', async ({
    client,
    assert,
  }) => {
    const membership = await createMember('owner')
    const token = await apiTokenFor(membership)

    const accepted = await upload(client, token, 'workbook.xlsx')
    accepted.assertStatus(202)
    await runQueuedImports()

    const response = await client.get(`/api/v1/imports/${accepted.body().id}`).bearerToken(token)
    assertMatchesApiDoc(response)
    assert.containSubset(response.body(), {
      status: 'failed',
      totalRows: 0,
      created: 0,
      errors: [],
      errorReportUrl: null,
    })
    assert.include(response.body().failureReason, 'Excel')
    assert.lengthOf(await Contact.forOrganization(membership.organizationId), 0)
    assert.lengthOf(await ContactList.forOrganization(membership.organizationId), 0)
  })

  test('validation: a file is required, the region and mapping must make sense', async ({
    client,
    assert,
  }) => {
    const token = await apiTokenFor(await createMember('owner'))

    const noFile = await client.post('/api/v1/imports').bearerToken(token).field('list', 'x')
    noFile.assertStatus(422)
    assertMatchesApiDoc(noFile)
    assert.equal(noFile.body().errors[0].field, 'file')

    const badRegion = await upload(client, token, 'messy.csv').field('defaultRegion', 'XX')
    badRegion.assertStatus(422)
    assert.equal(badRegion.body().errors[0].field, 'defaultRegion')

    const badMapping = await upload(client, token, 'messy.csv').field('mapping', '{phone: Cell')
    badMapping.assertStatus(422)
    assertMatchesApiDoc(badMapping)
    assert.equal(badMapping.body().errors[0].field, 'mapping')
  })

  test('a texter may not import', async ({ client }) => {
    const token = await apiTokenFor(await createMember('texter'))
    const response = await upload(client, token, 'messy.csv')
    response.assertStatus(403)
    assertMatchesApiDoc(response)
  })

  test('no token: 401', async ({ client }) => {
    const response = await client.get('/api/v1/imports/1')
    response.assertStatus(401)
    assertMatchesApiDoc(response)
  })

  test('another organization’s import and its report are 404', async ({ client }) => {
    const a = await createMember('owner')
    const b = await createMember('owner')
    const record = await uploadedImport(a, 'messy.csv', { status: 'completed' })
    const token = await apiTokenFor(b)

    const show = await client.get(`/api/v1/imports/${record.id}`).bearerToken(token)
    show.assertStatus(404)
    assertMatchesApiDoc(show)
    const report = await client.get(`/api/v1/imports/${record.id}/report`).bearerToken(token)
    report.assertStatus(404)
  })
})
