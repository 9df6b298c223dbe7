import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#models/audit_event'
import OptOut from '#models/opt_out'
import { MAX_OPT_OUT_ROWS } from '#services/opt_outs/opt_out_file'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { createContact, optOut } from '#tests/helpers/contacts'
import { urlFor } from '@adonisjs/core/services/url_builder'

const phones = (rows: { phone: string }[]) => rows.map((row) => row.phone)

test.group('Opt-outs | page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('lists the opt-outs and finds a number written any way', async ({ client, assert }) => {
    const supervisor = await createMember('supervisor')
    const org = supervisor.organizationId
    await optOut(org, '+12025550143', 'replied STOP')
    await optOut(org, '+13135550100')
    const other = await createMember('owner')
    await optOut(other.organizationId, '+12025550177')

    const all = await asMember(client.get(urlFor('opt_outs.index')), supervisor)
    all.assertStatus(200)
    const { props } = inertiaPage(all)
    assert.deepEqual(phones(props.optOuts), ['+13135550100', '+12025550143'])
    assert.equal(props.meta.total, 2)
    assert.deepEqual(props.can, { lift: false, export: false })

    for (const search of ['(202) 555-0143', '202 555', '+1202']) {
      const found = await asMember(
        client.get(urlFor('opt_outs.index')).qs({ phone: search }),
        supervisor
      )
      assert.deepEqual(phones(inertiaPage(found).props.optOuts), ['+12025550143'], search)
    }
  })

  test('opts one number out; the contact shows it', async ({ client, assert }) => {
    const supervisor = await createMember('supervisor')
    const contact = await createContact(supervisor.organizationId, { phone: '+12025550143' })

    const added = await asMember(client.post(urlFor('opt_outs.store')), supervisor).form({
      phone: '(202) 555-0143',
      reason: 'asked at the door',
    })
    added.assertStatus(302)
    added.assertFlashMessage('success', '+12025550143 is opted out.')
    const record = await OptOut.findByOrFail({
      organizationId: supervisor.organizationId,
      phone: '+12025550143',
    })
    assert.containSubset(record.serialize(), { reason: 'asked at the door', source: 'admin' })
    assert.equal(record.createdById, supervisor.userId)

    const again = await asMember(client.post(urlFor('opt_outs.store')), supervisor).form({
      phone: '2025550143',
    })
    again.assertFlashMessage('success', '+12025550143 was already opted out.')

    const page = await asMember(client.get(urlFor('contacts.show', { id: contact.id })), supervisor)
    assert.isTrue(inertiaPage(page).props.contact.optedOut)

    const invalid = await asMember(client.post(urlFor('opt_outs.store')), supervisor).form({
      phone: '12',
    })
    assert.include(Object.keys(fieldErrors(invalid)), 'phone')
  })

  test('imports a CSV of phones and reports the rows it could not read', async ({
    client,
    assert,
  }) => {
    const supervisor = await createMember('supervisor')
    const org = supervisor.organizationId
    await optOut(org, '+13135550100')
    const csv = [
      'Name;Cell Phone;Reason',
      'Ann;(202) 555-0143;moved away',
      'Bob;313-555-0100;',
      'Cara;not a phone;',
      ';;',
      'Dan;+44 20 7946 0958;',
      'Eve;202.555.0143;twice',
    ].join('\r\n')

    const response = await asMember(client.post(urlFor('opt_outs.import')), supervisor)
      .file('file', Buffer.from(csv), { filename: 'suppression.csv' })
      .field('reason', 'suppression list')
    response.assertStatus(302)

    const page = await asMember(client.get(urlFor('opt_outs.index')), supervisor).withSession({
      __flash__: response.flashMessages(),
    } as never)
    const { props } = inertiaPage(page)
    assert.deepEqual(props.importResult, {
      added: 2,
      alreadyOptedOut: 2,
      invalid: [{ row: 4, value: 'not a phone' }],
    })
    const recorded = await OptOut.query().where('organization_id', org).orderBy('phone')
    assert.deepEqual(
      recorded.map((row) => [row.phone, row.source, row.reason]),
      [
        ['+12025550143', 'import', 'moved away'],
        ['+13135550100', 'keyword', 'asked by text'],
        ['+442079460958', 'import', 'suppression list'],
      ]
    )
  })

  test('a file with one phone per line needs no header', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const response = await asMember(client.post(urlFor('opt_outs.import')), owner).file(
      'file',
      Buffer.from('2025550143\n2025550144\n'),
      { filename: 'phones.txt' }
    )
    response.assertStatus(302)
    response.assertFlashMessage(
      'success',
      '2 opted out, 0 already were, 0 rows without a usable phone.'
    )
    assert.lengthOf(await OptOut.query().where('organization_id', owner.organizationId), 2)
  })

  test('refuses files it cannot use, changing nothing', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const noPhoneColumn = await asMember(client.post(urlFor('opt_outs.import')), owner).file(
      'file',
      Buffer.from('Name,Email\nAnn,ann@example.org\n'),
      { filename: 'people.csv' }
    )
    noPhoneColumn.assertFlashMessage(
      'error',
      'Could not find the phone column: name it "phone", or upload one phone per line.'
    )

    const rows = Array.from({ length: MAX_OPT_OUT_ROWS + 1 }, (_, i) => `+1202555${1000 + i}`)
    const tooLong = await asMember(client.post(urlFor('opt_outs.import')), owner).file(
      'file',
      Buffer.from(`phone\n${rows.join('\n')}\n`),
      { filename: 'big.csv' }
    )
    tooLong.assertFlashMessage(
      'error',
      `This file has ${MAX_OPT_OUT_ROWS + 1} rows; upload at most ${MAX_OPT_OUT_ROWS} at a time.`
    )
    assert.lengthOf(await OptOut.query().where('organization_id', owner.organizationId), 0)
  })

  test('an admin opts someone back in, with a reason kept in the audit trail', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const record = await optOut(admin.organizationId, '+12025550143', 'replied STOP')

    const missingReason = await asMember(
      client.delete(urlFor('opt_outs.destroy', { id: record.id })),
      admin
    ).form({})
    assert.include(Object.keys(fieldErrors(missingReason)), 'reason')
    assert.isNotNull(await OptOut.find(record.id))

    const lifted = await asMember(
      client.delete(urlFor('opt_outs.destroy', { id: record.id })),
      admin
    ).form({
      reason: 'texted START on Nov 3',
    })
    lifted.assertStatus(302)
    assert.isNull(await OptOut.find(record.id))
    const event = await AuditEvent.findByOrFail({ action: 'opt_out.lifted', subjectId: record.id })
    assert.equal(event.userId, admin.userId)
    assert.containSubset(event.details, {
      phone: '+12025550143',
      reason: 'texted START on Nov 3',
      optedOutReason: 'replied STOP',
    })
  })

  test('supervisors cannot opt people back in or export; texters see nothing', async ({
    client,
    assert,
  }) => {
    const supervisor = await createMember('supervisor')
    const record = await optOut(supervisor.organizationId, '+12025550143')
    assertFormRefused(
      await asMember(client.delete(urlFor('opt_outs.destroy', { id: record.id })), supervisor).form(
        { reason: 'x y z' }
      )
    )
    assert.isNotNull(await OptOut.find(record.id))
    const exported = await asMember(client.get(urlFor('opt_outs.export')), supervisor)
    exported.assertStatus(403)

    const texter = await createMember('texter', { organization: supervisor.organization })
    const page = await asMember(client.get(urlFor('opt_outs.index')), texter)
    page.assertStatus(403)
    assertFormRefused(
      await asMember(client.post(urlFor('opt_outs.store')), texter).form({ phone: '+12025550100' })
    )
  })

  test('another organization’s opt-out is not found', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const other = await createMember('owner')
    const theirs = await optOut(other.organizationId, '+12025550143')
    const response = await asMember(
      client.delete(urlFor('opt_outs.destroy', { id: theirs.id })),
      owner
    ).form({
      reason: 'not mine to lift',
    })
    response.assertStatus(404)
    assert.isNotNull(await OptOut.find(theirs.id))
  })

  test('exports the list as CSV a spreadsheet cannot run', async ({ client, assert }) => {
    const admin = await createMember('admin')
    await optOut(admin.organizationId, '+12025550143', '=HYPERLINK("http://evil.example","x")')
    await optOut(admin.organizationId, '+12025550144', '@SUM(1) "quoted"')
    const other = await createMember('owner')
    await optOut(other.organizationId, '+12025550199')

    const response = await asMember(client.get(urlFor('opt_outs.export')), admin)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv/)
    assert.match(response.header('content-disposition') ?? '', /attachment; filename="opt-outs-/)
    const lines = response.text().trimEnd().split('\r\n')
    assert.equal(lines[0], '"phone","reason","source","recorded_by","message_id","created_at"')
    assert.lengthOf(lines, 3)
    assert.match(
      lines[1],
      /^"'\+12025550143","'=HYPERLINK\(""http:\/\/evil.example"",""x""\)","keyword"/
    )
    assert.match(lines[2], /^"'\+12025550144","'@SUM\(1\) ""quoted""","keyword"/)
    assert.exists(
      await AuditEvent.findBy({ action: 'opt_outs.exported', organizationId: admin.organizationId })
    )
  })
})

test.group('Opt-outs | API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an opt-out through the API makes the contact opted out', async ({ client, assert }) => {
    const supervisor = await createMember('supervisor')
    const token = await apiTokenFor(supervisor)
    const contact = await createContact(supervisor.organizationId, { phone: '+12025550143' })

    const created = await client
      .post('/api/v1/opt-outs')
      .bearerToken(token)
      .json({ phone: '(202) 555-0143', reason: 'emailed us' })
    created.assertStatus(201)
    assertMatchesApiDoc(created)
    assert.containSubset(created.body(), {
      phone: '+12025550143',
      reason: 'emailed us',
      source: 'api',
    })

    const shown = await client.get(`/api/v1/contacts/${contact.id}`).bearerToken(token)
    assert.isTrue(shown.body().optedOut)

    // Recording it again keeps the first record.
    const again = await client
      .post('/api/v1/opt-outs')
      .bearerToken(token)
      .json({ phone: '+1 202 555 0143', reason: 'again' })
    again.assertStatus(201)
    assertMatchesApiDoc(again)
    assert.equal(again.body().reason, 'emailed us')
  })

  test('finds one phone in any format', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const token = await apiTokenFor(owner)
    await optOut(owner.organizationId, '+12025550143', 'replied STOP')
    await optOut(owner.organizationId, '+12025550144')

    const found = await client
      .get('/api/v1/opt-outs')
      .qs({ phone: '202.555.0143' })
      .bearerToken(token)
    found.assertStatus(200)
    assertMatchesApiDoc(found)
    assert.deepEqual(found.body().meta, { total: 1, page: 1, perPage: 50 })
    assert.containSubset(found.body().data, [
      { phone: '+12025550143', reason: 'replied STOP', source: 'keyword' },
    ])

    const all = await client.get('/api/v1/opt-outs').bearerToken(token)
    assert.equal(all.body().meta.total, 2)

    const none = await client.get('/api/v1/opt-outs').qs({ phone: '2025550100' }).bearerToken(token)
    assert.deepEqual(none.body().data, [])
  })

  test('refuses an unusable phone, and texters', async ({ client }) => {
    const owner = await createMember('owner')
    const invalid = await client
      .post('/api/v1/opt-outs')
      .bearerToken(await apiTokenFor(owner))
      .json({ phone: 'call me' })
    invalid.assertStatus(422)
    assertMatchesApiDoc(invalid)

    const badQuery = await client
      .get('/api/v1/opt-outs')
      .qs({ phone: '12' })
      .bearerToken(await apiTokenFor(owner))
    badQuery.assertStatus(422)
    assertMatchesApiDoc(badQuery)

    const texter = await createMember('texter', { organization: owner.organization })
    const refused = await client
      .post('/api/v1/opt-outs')
      .bearerToken(await apiTokenFor(texter))
      .json({ phone: '+12025550143' })
    refused.assertStatus(403)
    assertMatchesApiDoc(refused)
  })
})
