import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { parse } from 'csv-parse/sync'
import type { ApiClient } from '@japa/api-client'
import AuditEvent from '#models/audit_event'
import type Membership from '#models/membership'
import exportWorker from '#services/exports/worker'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { optOut } from '#tests/helpers/contacts'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { asMember } from '#tests/helpers/web'
import { campaignWithOutcomes, completedExport } from '#tests/helpers/reports'
import { SENDER } from '#tests/helpers/messaging'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** Starts an export through the API, lets the worker finish it, and downloads the file. */
async function exportThroughApi(
  client: ApiClient,
  actor: Membership,
  campaignId: number,
  kind: string
) {
  const token = await apiTokenFor(actor)
  const started = await client
    .post(`/api/v1/campaigns/${campaignId}/exports`)
    .bearerToken(token)
    .json({ kind })
  started.assertStatus(202)
  assertMatchesApiDoc(started)
  await exportWorker.idle()

  const shown = await client.get(`/api/v1/exports/${started.body().id}`).bearerToken(token)
  shown.assertStatus(200)
  assertMatchesApiDoc(shown)
  const url = new URL(shown.body().downloadUrl)
  const file = await client.get(url.pathname).bearerToken(token)
  file.assertStatus(200)
  file.assertHeader('content-type', 'text/csv; charset=utf-8')
  const rows: string[][] = parse(file.text(), { relax_column_count: false })
  return { started: started.body(), shown: shown.body(), file, rows }
}

test.group('Reports | exports', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the contacts export has every contact, field, survey answer, tag and opt-out', async ({
    client,
    assert,
  }) => {
    const world = await campaignWithOutcomes()
    await optOut(world.organization.id, world.contacts[1].phone)
    await db
      .from('contacts')
      .where('id', world.contacts[5].id)
      .update({ opt_in_source: '=Signup form', opt_in_at: '2026-03-01 12:00:00' })

    const { started, shown, file, rows } = await exportThroughApi(
      client,
      world.owner,
      world.campaign.id,
      'contacts'
    )

    assert.deepEqual(started, { id: shown.id, status: 'queued' })
    assert.containSubset(shown, { kind: 'contacts', status: 'completed', rows: 10, rowsTotal: 10 })
    assert.match(
      file.header('content-disposition') ?? '',
      /attachment; filename="campaign-\d+-contacts-/
    )
    const [header, ...data] = rows
    assert.deepEqual(header, [
      'contact_id',
      'phone',
      'first_name',
      'last_name',
      'email',
      'zip',
      'state',
      'timezone',
      'external_id',
      'status',
      'variant',
      'texter',
      'delivery',
      'failure_reason',
      'messaged_at',
      'replied_at',
      'sentiment',
      'Will you vote?',
      'Need a ride?',
      'tags',
      'opted_out',
      'opted_out_at',
      'opt_in_source',
      'opt_in_at',
      'clicked',
      'first_clicked_at',
      // Custom fields last, one per field any contact has (rows before a field appears are padded).
      'Volunteer Level',
      'Ward',
    ])
    assert.lengthOf(data, 10)
    assert.isTrue(data.every((row) => row.length === header.length))
    // A phone starts with "+", so it too is kept as text behind an apostrophe.
    const byContact = new Map(
      data.map((row) => [
        row[1].replace(/^'/, ''),
        Object.fromEntries(header.map((h, i) => [h, row[i]])),
      ])
    )
    assert.equal(data[0][1], `'${world.contacts[0].phone}`)
    const first = byContact.get(world.contacts[0].phone)!
    // Formula-like cells keep their value behind an apostrophe.
    assert.containSubset(first, {
      'first_name': `'=HYPERLINK("http://evil")`,
      'Volunteer Level': "'@lead",
      'Ward': '',
      'status': 'conversing',
      'variant': 'A',
      'texter': world.texters[0].user.fullName,
      'delivery': 'delivered',
      'sentiment': 'positive',
      'Will you vote?': 'Yes',
      'Need a ride?': 'Yes please',
      'tags': 'Volunteer',
      'opted_out': 'no',
      'clicked': 'no',
      'first_clicked_at': '',
    })
    assert.containSubset(byContact.get(world.contacts[1].phone), {
      'last_name': "'+1 Plus",
      'status': 'opted_out',
      'Will you vote?': 'No',
      'Need a ride?': '',
      'opted_out': 'yes',
    })
    assert.notEqual(byContact.get(world.contacts[1].phone)!.opted_out_at, '')
    // The consent record, as spreadsheet-safe as every other cell.
    assert.equal(byContact.get(world.contacts[5].phone)!.opt_in_source, "'=Signup form")
    assert.match(byContact.get(world.contacts[5].phone)!.opt_in_at, /^2026-03-01/)
    assert.equal(first.opt_in_source, '')
    assert.containSubset(byContact.get(world.contacts[3].phone), {
      Ward: '3',
      delivery: 'failed',
      failure_reason: 'landline',
      tags: '',
    })
    assert.containSubset(byContact.get(world.contacts[9].phone), {
      variant: 'B',
      status: 'needs_message',
      texter: '',
      delivery: '',
    })
  })

  test('the messages export has every text both ways with status and error', async ({
    client,
    assert,
  }) => {
    const world = await campaignWithOutcomes()
    await db.table('messages').insert({
      organization_id: world.organization.id,
      campaign_id: world.campaign.id,
      campaign_contact_id: world.rows[3].id,
      contact_id: world.contacts[3].id,
      direction: 'inbound',
      body: "=cmd|' /C calc'!A0",
      from_phone: world.contacts[3].phone,
      to_phone: SENDER,
      segments: 1,
      encoding: 'GSM-7',
      status: 'received',
      attempts: 0,
      created_at: '2026-11-20 16:00:00',
    })
    await db
      .from('messages')
      .where('campaign_contact_id', world.rows[3].id)
      .where('direction', 'outbound')
      .update({ error_code: '30006', error_class: 'recipient', error_message: 'Landline' })

    const { shown, rows } = await exportThroughApi(
      client,
      world.owner,
      world.campaign.id,
      'messages'
    )

    // Nine first texts, five replies, four answers, and the one above.
    assert.equal(shown.rows, 19)
    const [header, ...data] = rows
    assert.deepEqual(header, [
      'message_id',
      'created_at',
      'direction',
      'status',
      'from',
      'to',
      'contact_id',
      'body',
      'segments',
      'error_code',
      'error_class',
      'error_message',
      'sent_by',
      'sent_at',
      'delivered_at',
    ])
    assert.lengthOf(data, 19)
    const column = (name: string) => header.indexOf(name)
    assert.deepEqual(
      data.map((row) => row[column('direction')]).sort(),
      [...Array(13).fill('outbound'), ...Array(6).fill('inbound')].sort()
    )
    const failed = data.find((row) => row[column('error_code')] === '30006')!
    assert.equal(failed[column('status')], 'failed')
    assert.equal(failed[column('error_message')], 'Landline')
    assert.isTrue(data.some((row) => row[column('body')] === `'=cmd|' /C calc'!A0`))
    assert.isTrue(data.some((row) => row[column('sent_by')] === world.texters[1].user.fullName))
  })

  test('starting and downloading an export is audited', async ({ client, assert }) => {
    const world = await campaignWithOutcomes()
    const { shown } = await exportThroughApi(client, world.owner, world.campaign.id, 'contacts')

    const events = await AuditEvent.query()
      .where('organization_id', world.organization.id)
      .whereIn('action', ['exports.requested', 'exports.downloaded'])
      .orderBy('id')
    assert.deepEqual(
      events.map((event) => [event.action, event.userId, event.subjectId]),
      [
        ['exports.requested', world.owner.userId, shown.id],
        ['exports.downloaded', world.owner.userId, shown.id],
      ]
    )
    assert.containSubset(events[0].details, { kind: 'contacts', campaignId: world.campaign.id })
  })

  test('an admin exports from the report page and downloads with the session', async ({
    client,
    assert,
  }) => {
    const world = await campaignWithOutcomes()
    const admin = await createMember('admin', { organization: world.organization })

    const started = await asMember(
      client.post(urlFor('exports.store', { id: world.campaign.id })),
      admin
    ).form({
      kind: 'messages',
    })
    started.assertStatus(302)
    assert.equal(started.header('location'), `/campaigns/${world.campaign.id}/report`)
    await exportWorker.idle()

    const page = await asMember(
      client.get(urlFor('campaigns.report', { id: world.campaign.id })),
      admin
    ).header('x-inertia', 'true')
    const [latest] = page.body().props.exports
    assert.containSubset(latest, { kind: 'messages', status: 'completed', rows: 18 })
    const file = await asMember(client.get(latest.downloadUrl), admin)
    file.assertStatus(200)
    assert.match(file.text(), /^"message_id","created_at"/)
  })

  test('a {$self} may neither start nor download exports')
    .with(['supervisor', 'texter'] as const)
    .run(async ({ client }, role) => {
      const world = await campaignWithOutcomes()
      const member = await createMember(role, { organization: world.organization })
      const record = await completedExport(world.campaign, world.owner, '"a"\r\n')
      const token = await apiTokenFor(member)

      const start = await client
        .post(`/api/v1/campaigns/${world.campaign.id}/exports`)
        .bearerToken(token)
        .json({ kind: 'contacts' })
      const show = await client.get(`/api/v1/exports/${record.id}`).bearerToken(token)
      const download = await client.get(`/api/v1/exports/${record.id}/download`).bearerToken(token)
      const web = await asMember(client.get(urlFor('exports.download', { id: record.id })), member)

      start.assertStatus(403)
      assertMatchesApiDoc(start)
      show.assertStatus(403)
      download.assertStatus(403)
      web.assertStatus(403)
    })

  test("another organization's export is not found", async ({ client }) => {
    const world = await campaignWithOutcomes()
    const record = await completedExport(world.campaign, world.owner, '"secret"\r\n')
    const stranger = await createMember('owner')
    const token = await apiTokenFor(stranger)

    const show = await client.get(`/api/v1/exports/${record.id}`).bearerToken(token)
    const download = await client.get(`/api/v1/exports/${record.id}/download`).bearerToken(token)
    const web = await asMember(client.get(urlFor('exports.download', { id: record.id })), stranger)
    const start = await client
      .post(`/api/v1/campaigns/${world.campaign.id}/exports`)
      .bearerToken(token)
      .json({ kind: 'contacts' })

    show.assertStatus(404)
    assertMatchesApiDoc(show)
    download.assertStatus(404)
    web.assertStatus(404)
    start.assertStatus(404)
  })

  test('an unfinished export has no download yet', async ({ client, assert }) => {
    const world = await campaignWithOutcomes()
    const record = await completedExport(world.campaign, world.owner, '"a"\r\n')
    await record.merge({ status: 'running', filePath: null }).save()
    const token = await apiTokenFor(world.owner)

    const show = await client.get(`/api/v1/exports/${record.id}`).bearerToken(token)
    const download = await client.get(`/api/v1/exports/${record.id}/download`).bearerToken(token)

    assert.isNull(show.body().downloadUrl)
    download.assertStatus(404)
  })

  test('an unknown kind is refused with a clear error', async ({ client, assert }) => {
    const world = await campaignWithOutcomes()

    const response = await client
      .post(`/api/v1/campaigns/${world.campaign.id}/exports`)
      .bearerToken(await apiTokenFor(world.owner))
      .json({ kind: 'everything' })

    response.assertStatus(422)
    assertMatchesApiDoc(response)
    assert.equal(response.body().errors[0].field, 'kind')
  })
})

test.group('Reports | exports, repeated', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('pressing export again while it is being written gets the same export', async ({
    client,
    assert,
  }) => {
    const world = await campaignWithOutcomes()
    const running = await completedExport(world.campaign, world.owner, '"a"\r\n')
    await running.merge({ status: 'running', filePath: null }).save()
    const token = await apiTokenFor(world.owner)
    const start = (kind: string) =>
      client
        .post(`/api/v1/campaigns/${world.campaign.id}/exports`)
        .bearerToken(token)
        .json({ kind })

    const again = await start('contacts')
    const messages = await start('messages')
    await running.merge({ status: 'completed' }).save()
    const later = await start('contacts')
    await exportWorker.idle()

    again.assertStatus(202)
    assertMatchesApiDoc(again)
    assert.equal(again.body().id, running.id)
    assert.notEqual(messages.body().id, running.id)
    assert.notEqual(later.body().id, running.id)
  })
})
