import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#models/contact'
import ContactList from '#models/contact_list'
import OptOut from '#models/opt_out'
import Import from '#models/import'
import { DateTime } from 'luxon'
import importWorker, { RESUMABLE_FOR_DAYS } from '#services/importer/worker'
import { createMember } from '#tests/helpers/members'
import { importFixture, uploadedImport } from '#tests/helpers/imports'
import { absolutePath } from '#services/importer/storage'

async function contactsOf(organizationId: number) {
  return Contact.forOrganization(organizationId).orderBy('phone')
}

function counts(record: Import) {
  return {
    status: record.status,
    totalRows: record.rowsTotal,
    created: record.rowsCreated,
    updated: record.rowsUpdated,
    invalid: record.rowsInvalid,
    duplicates: record.rowsDuplicate,
    optedOut: record.rowsOptedOut,
  }
}

async function reportLines(record: Import) {
  const text = await readFile(absolutePath(record.errorReportPath!), 'utf8')
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
}

async function listMembers(listId: number) {
  const rows = await db
    .from('contact_list_members')
    .join('contacts', 'contacts.id', 'contact_list_members.contact_id')
    .where('contact_list_id', listId)
    .orderBy('contacts.phone')
    .select('contacts.phone')
  return rows.map((row: { phone: string }) => row.phone)
}

test.group('Imports | the import job', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a messy spreadsheet imports exactly right, row by row', async ({ assert }) => {
    const owner = await createMember('owner')
    const organizationId = owner.organizationId
    await OptOut.create({
      organizationId,
      phone: '+13125550177',
      source: 'keyword',
      reason: 'STOP',
    })
    await Contact.create({
      organizationId,
      phone: '+18085550110',
      firstName: 'Augustus',
      lastName: null,
      customFields: { Shirt: 'L' },
      unknownSender: true,
    })

    const record = await importFixture(owner, 'messy.csv', { listName: 'Volunteers' })

    assert.deepEqual(counts(record), {
      status: 'completed',
      totalRows: 9,
      created: 3,
      updated: 1,
      invalid: 3,
      duplicates: 1,
      optedOut: 1,
    })
    // Rows count records, not lines: Ana's two-line address does not shift Cara to row 5,
    // and the blank line takes no number.
    assert.deepEqual(
      record.errorsSample!.map(({ row, field }) => ({ row, field })),
      [
        { row: 4, field: 'phone' },
        { row: 7, field: 'phone' },
        { row: 10, field: 'row' },
      ]
    )
    assert.include(record.errorsSample![0].message, '555-0199')
    assert.equal(record.errorsSample![1].message, 'No phone number')

    const report = await reportLines(record)
    assert.equal(report[0], 'row,field,reason')
    assert.deepEqual(
      report.slice(1).map((line) => line.split(',').slice(0, 2).join(',')),
      ['3,phone', '4,phone', '7,phone', '10,row', '6,phone']
    )
    assert.include(report[1], 'Same phone number as row 2')
    assert.include(report[5], 'opt-out list')

    const contacts = await contactsOf(organizationId)
    assert.deepEqual(
      contacts.map((c) => c.phone),
      ['+12125550143', '+12705550188', '+14155550100', '+18085550110']
    )
    const ana = contacts.find((c) => c.phone === '+14155550100')!
    assert.equal(ana.firstName, 'Ana')
    assert.equal(ana.lastName, 'García')
    assert.equal(ana.email, 'ana@example.org')
    assert.equal(ana.externalId, 'V1')
    assert.equal(ana.zip, '94110')
    assert.equal(ana.state, 'CA')
    assert.equal(ana.timezone, 'America/Los_Angeles')
    assert.deepEqual(ana.customFields, {
      'Volunteer Level': 'Captain',
      'Address': '12 Main St\r\nApt 4',
    })
    const dan = contacts.find((c) => c.phone === '+12125550143')!
    assert.equal(dan.customFields.Address, '5 "Quoted" Ave')
    const hal = contacts.find((c) => c.phone === '+12705550188')!
    assert.equal(hal.timezone, 'America/Chicago')
    assert.equal(hal.state, 'KY')

    // The existing contact is refreshed; what the file leaves empty is kept.
    const gus = contacts.find((c) => c.phone === '+18085550110')!
    assert.equal(gus.firstName, 'Gus')
    assert.equal(gus.lastName, 'Update')
    assert.deepEqual(gus.customFields, { 'Shirt': 'L', 'Volunteer Level': 'Lead' })
    assert.equal(gus.timezone, 'Pacific/Honolulu')
    assert.isFalse(Boolean(gus.unknownSender))

    const list = await ContactList.findOrFail(record.contactListId)
    assert.equal(list.name, 'Volunteers')
    assert.deepEqual(await listMembers(list.id), [
      '+12125550143',
      '+12705550188',
      '+14155550100',
      '+18085550110',
    ])
    assert.isFalse(existsSync(absolutePath(record.filePath)), 'the upload is deleted afterwards')
  })

  test('an opted-out person already in the organization stays as is and off the list', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const organizationId = owner.organizationId
    await Contact.create({
      organizationId,
      phone: '+13125550177',
      firstName: 'Evelyn',
      customFields: {},
    })
    await OptOut.create({ organizationId, phone: '+13125550177', source: 'admin', reason: null })

    const record = await importFixture(owner, 'messy.csv')

    assert.equal(record.rowsOptedOut, 1)
    const eve = await Contact.findByOrFail({ organizationId, phone: '+13125550177' })
    assert.equal(eve.firstName, 'Evelyn')
    assert.notInclude(await listMembers(record.contactListId!), '+13125550177')
  })

  test('Windows-1252 with semicolons and FNAME/LNAME headers', async ({ assert }) => {
    const owner = await createMember('owner')
    const record = await importFixture(owner, 'windows1252.csv')

    assert.deepEqual(counts(record), {
      status: 'completed',
      totalRows: 3,
      created: 2,
      updated: 0,
      invalid: 0,
      duplicates: 1,
      optedOut: 0,
    })
    const [jose, zoe] = await contactsOf(owner.organizationId)
    assert.equal(jose.firstName, 'José')
    assert.equal(jose.lastName, 'Müller')
    assert.deepEqual(jose.customFields, { Notes: 'café “quoted”' })
    assert.equal(jose.timezone, 'America/New_York')
    assert.equal(jose.state, 'DC')
    assert.equal(zoe.firstName, 'Zoë')
    assert.equal(zoe.lastName, 'Brontë')
    assert.equal(zoe.zip, '02002', 'the leading zero Excel dropped is restored')
  })

  test('tab-separated with underscores and spaces in headers, international numbers', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const record = await importFixture(owner, 'tabs.tsv')

    assert.deepEqual(counts(record), {
      status: 'completed',
      totalRows: 3,
      created: 2,
      updated: 0,
      invalid: 1,
      duplicates: 0,
      optedOut: 0,
    })
    assert.deepEqual(record.errorsSample, [
      {
        row: 4,
        field: 'phone',
        message: '“call me” is not a phone number',
        phrase: { key: 'imports.problems.notANumber', values: { value: 'call me' } },
      },
    ])
    const contacts = await contactsOf(owner.organizationId)
    assert.deepEqual(
      contacts.map((c) => [c.phone, c.firstName, c.zip, c.externalId, c.timezone]),
      [
        ['+16465550101', 'Kim', '10001', 'X-1', 'America/New_York'],
        ['+442079460958', 'Lou', null, 'X-2', 'Europe/London'],
      ]
    )
  })

  test('a mapping overrides the detected columns', async ({ assert }) => {
    const owner = await createMember('owner')
    const record = await importFixture(owner, 'remapped.csv', {
      mapping: { phone: 'Text Me At', firstName: 'Name' },
    })

    assert.equal(record.rowsCreated, 2)
    const contacts = await contactsOf(owner.organizationId)
    assert.deepEqual(
      contacts.map((c) => [c.phone, c.firstName, c.customFields]),
      [
        ['+14155550142', 'Nia', { Phone: '(415) 555-0100', Town: 'Oakland' }],
        ['+14155550143', 'Oto', { Phone: '(415) 555-0100', Town: 'Berkeley' }],
      ]
    )
  })

  test('importing the same people again updates them and creates no one twice', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    await importFixture(owner, 'messy.csv', { listName: 'Volunteers' })
    const again = await importFixture(owner, 'messy.csv', { listName: 'Volunteers' })

    assert.deepEqual(counts(again), {
      status: 'completed',
      totalRows: 9,
      created: 0,
      updated: 5,
      invalid: 3,
      duplicates: 1,
      optedOut: 0,
    })
    assert.lengthOf(await contactsOf(owner.organizationId), 5)
    assert.lengthOf(await ContactList.forOrganization(owner.organizationId), 1)
  })

  test('another organization’s contacts and opt-outs do not count', async ({ assert }) => {
    const owner = await createMember('owner')
    const other = await createMember('owner')
    await Contact.create({
      organizationId: other.organizationId,
      phone: '+14155550100',
      customFields: {},
    })
    await OptOut.create({
      organizationId: other.organizationId,
      phone: '+12125550143',
      source: 'admin',
    })

    const record = await importFixture(owner, 'messy.csv')

    assert.equal(record.rowsCreated, 5)
    assert.equal(record.rowsUpdated, 0)
    assert.equal(record.rowsOptedOut, 0)
  })

  test('a file larger than one batch: counts and list stay exact across batches', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const organizationId = owner.organizationId
    const lines = ['Phone,First Name']
    for (let i = 0; i < 2600; i++) lines.push(`(415) 55${String(i).padStart(5, '0')},P${i}`)
    // Repeats of rows far behind, in another format, in later batches.
    lines.push('+1 415 550 0001,Again', '415.550.1999,Again')
    await Contact.create({ organizationId, phone: '+14155502500', customFields: {} })
    await OptOut.create({ organizationId, phone: '+14155502599', source: 'admin' })

    const record = await importFixture(owner, 'messy.csv', { content: lines.join('\n') })

    assert.deepEqual(counts(record), {
      status: 'completed',
      totalRows: 2602,
      created: 2598,
      updated: 1,
      invalid: 0,
      duplicates: 2,
      optedOut: 1,
    })
    assert.lengthOf(await listMembers(record.contactListId!), 2599)
    assert.lengthOf(await contactsOf(organizationId), 2599)
  })

  test('{fixture} fails, says why, and changes nothing')
    .with([
      { fixture: 'empty.csv', reason: 'The file is empty.' },
      { fixture: 'header_only.csv', reason: 'header row but no contacts' },
      { fixture: 'no_phone.csv', reason: 'could not find a column of phone numbers' },
      { fixture: 'picture.png', reason: 'not a text (CSV) file' },
      { fixture: 'workbook.xlsx', reason: 'Excel workbook' },
      { fixture: 'unclosed_quote.csv', reason: 'Row 3 starts a quoted cell' },
    ])
    .run(async ({ assert }, { fixture, reason }) => {
      const owner = await createMember('owner')
      const record = await importFixture(owner, fixture)

      assert.equal(record.status, 'failed')
      assert.include(record.failureReason!, reason)
      assert.equal(record.rowsCreated + record.rowsUpdated, 0)
      assert.isNull(record.errorReportPath)
      // Nothing to resume: the file itself is the problem.
      assert.isFalse(record.isResumable)
      assert.isFalse(existsSync(absolutePath(record.filePath)))
      assert.lengthOf(await contactsOf(owner.organizationId), 0)
      assert.lengthOf(await ContactList.forOrganization(owner.organizationId), 0)
    })

  test('a mapping naming a column the file lacks fails before writing', async ({ assert }) => {
    const owner = await createMember('owner')
    const record = await importFixture(owner, 'messy.csv', { mapping: { phone: 'Mobile Number' } })

    assert.equal(record.status, 'failed')
    assert.include(record.failureReason!, '“Mobile Number”')
    assert.lengthOf(await contactsOf(owner.organizationId), 0)
  })
})

test.group('Imports | the worker tidies up', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an import left running by a dead process stops, resumable; abandoned uploads go', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const longAgo = DateTime.now().minus({ days: 2 })
    const stuck = await uploadedImport(owner, 'messy.csv', { status: 'running' })
    stuck.heartbeatAt = longAgo
    await stuck.save()
    const abandoned = await uploadedImport(owner, 'messy.csv', { status: 'draft' })
    abandoned.createdAt = longAgo
    await abandoned.save()
    const fresh = await uploadedImport(owner, 'messy.csv', { status: 'draft' })

    await importWorker.tidy()

    await stuck.refresh()
    assert.equal(stuck.status, 'failed')
    assert.include(stuck.failureReason!, 'server restarted')
    assert.include(stuck.failureReason!, 'resume the import')
    assert.isTrue(stuck.isResumable)
    assert.isTrue(existsSync(absolutePath(stuck.filePath)))
    assert.isNull(await Import.find(abandoned.id))
    assert.isFalse(existsSync(absolutePath(abandoned.filePath)))
    assert.isNotNull(await Import.find(fresh.id))
  })

  test('a stopped import nobody resumes within a week loses its file', async ({ assert }) => {
    const owner = await createMember('owner')
    const old = await uploadedImport(owner, 'messy.csv', { status: 'failed' })
    old.finishedAt = DateTime.now().minus({ days: RESUMABLE_FOR_DAYS, hours: 1 })
    await old.save()
    const recent = await uploadedImport(owner, 'messy.csv', { status: 'failed' })
    recent.finishedAt = DateTime.now().minus({ days: RESUMABLE_FOR_DAYS - 1 })
    await recent.save()

    await importWorker.tidy()

    await old.refresh()
    assert.isFalse(old.isResumable)
    assert.isFalse(existsSync(absolutePath(old.filePath)))
    await recent.refresh()
    assert.isTrue(recent.isResumable)
    assert.isTrue(existsSync(absolutePath(recent.filePath)))
  })
})
