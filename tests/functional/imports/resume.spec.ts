import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Contact from '#models/contact'
import Import from '#models/import'
import OptOut from '#models/opt_out'
import Organization from '#models/organization'
import User from '#models/user'
import type Membership from '#models/membership'
import { BATCH_ROWS } from '#services/importer/run_import'
import { absolutePath } from '#services/importer/storage'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { importFixture, runQueuedImports, uploadedImport } from '#tests/helpers/imports'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { asMember } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

const phoneOf = (i: number) => `+1 415 55${String(i).padStart(5, '0')}`

/**
 * Many batches of rows, with everything that has to come out the same when
 * an import is resumed: invalid rows, repeats of phones from earlier batches,
 * phones on the opt-out list, phones the organization already has, and cells
 * the report must keep safe from spreadsheets.
 */
function manyRows(rows: number) {
  const lines = ['Phone,First Name,Notes']
  for (let i = 0; i < rows; i++) {
    if (i % 97 === 13) lines.push(`not a phone,Invalid ${i},`)
    else if (i % 101 === 50 && i > 1500) lines.push(`${phoneOf(i - 1500)},Repeat ${i},`)
    else lines.push(`${phoneOf(i)},P${i},=note ${i}`)
  }
  return lines.join('\n') + '\n'
}

async function prepareOrganization(membership: Membership) {
  const organizationId = membership.organizationId
  for (const i of [5, 20_000]) {
    await OptOut.create({ organizationId, phone: phoneOf(i).replaceAll(' ', ''), source: 'admin' })
  }
  for (const i of [7, 25_000]) {
    await Contact.create({
      organizationId,
      phone: phoneOf(i).replaceAll(' ', ''),
      customFields: {},
    })
  }
}

function outcome(record: Import) {
  return {
    status: record.status,
    totalRows: record.rowsTotal,
    processed: record.rowsProcessed,
    created: record.rowsCreated,
    updated: record.rowsUpdated,
    invalid: record.rowsInvalid,
    duplicates: record.rowsDuplicate,
    optedOut: record.rowsOptedOut,
    errors: record.errorsSample,
  }
}

async function contactsAndMembers(record: Import) {
  const [contacts] = await Contact.forOrganization(record.organizationId).count('* as total')
  const [members] = await db
    .from('contact_list_members')
    .where('contact_list_id', record.contactListId!)
    .count('* as total')
  return { contacts: Number(contacts.$extras.total), listMembers: Number(members.total) }
}

const reportOf = (record: Import) => readFile(absolutePath(record.errorReportPath!), 'utf8')

/** A worker in a process of its own (`node ace jobs:work`), left to imports and exports. */
function separateWorker() {
  return spawn(
    process.execPath,
    ['--import', '@poppinss/ts-exec', 'bin/console.ts', 'jobs:work', '--no-dispatch'],
    {
      cwd: app.appRoot,
      stdio: 'ignore',
      env: { ...process.env, LOG_LEVEL: 'silent' },
    }
  )
}

test.group('Imports | resuming a stopped import', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a failed import that keeps its file resumes from the page and the API', async ({
    client,
    assert,
  }) => {
    const supervisor = await createMember('supervisor')
    const token = await apiTokenFor(supervisor)
    const stopped = await uploadedImport(supervisor, 'messy.csv', { status: 'failed' })

    const shown = await client.get(`/api/v1/imports/${stopped.id}`).bearerToken(token)
    assertMatchesApiDoc(shown)
    assert.isTrue(shown.body().resumable)

    const page = await asMember(
      client.post(urlFor('imports.resume', { id: stopped.id })),
      supervisor
    )
    page.assertStatus(302)
    assert.equal(page.header('location'), `/imports/${stopped.id}`)
    await runQueuedImports()
    await stopped.refresh()
    assert.equal(stopped.status, 'completed')
    assert.equal(stopped.rowsCreated, 5)
    assert.isNotNull(stopped.fileRemovedAt)
    assert.isFalse(existsSync(absolutePath(stopped.filePath)))

    // Finished now: nothing left to resume.
    const again = await client.post(`/api/v1/imports/${stopped.id}/resume`).bearerToken(token)
    again.assertStatus(409)
    assertMatchesApiDoc(again)
    assert.deepEqual(again.body().errors, [
      { message: 'This import has finished; there is nothing to resume.' },
    ])
  })

  test('only a stopped import with its file can be resumed ({name})')
    .with([
      {
        name: 'queued',
        status: 'queued' as const,
        message: 'This import is still running.',
      },
      {
        name: 'running, its worker alive',
        status: 'running' as const,
        message: 'This import is still running.',
      },
      {
        name: 'not started',
        status: 'draft' as const,
        message: 'This import has not started yet.',
      },
      {
        name: 'failed on its file',
        status: 'failed' as const,
        fileRemoved: true,
        message:
          'This import cannot be resumed: its file is no longer kept. Upload the file again.',
      },
    ])
    .run(async ({ client, assert }, { status, fileRemoved, message }) => {
      const owner = await createMember('owner')
      const token = await apiTokenFor(owner)
      const record = await uploadedImport(owner, 'messy.csv', { status })
      record.heartbeatAt = DateTime.now()
      if (fileRemoved) record.fileRemovedAt = DateTime.now()
      await record.save()

      const response = await client.post(`/api/v1/imports/${record.id}/resume`).bearerToken(token)
      response.assertStatus(409)
      assertMatchesApiDoc(response)
      assert.deepEqual(response.body().errors, [{ message }])
      await record.refresh()
      assert.equal(record.status, status)
    })

  test('texters may not resume imports', async ({ client }) => {
    const texter = await createMember('texter')
    const record = await uploadedImport(texter, 'messy.csv', { status: 'failed' })

    const response = await client
      .post(`/api/v1/imports/${record.id}/resume`)
      .bearerToken(await apiTokenFor(texter))
    response.assertStatus(403)
  })
})

test.group('Imports | a worker killed mid-import', () => {
  test('resumes to the outcome of an uninterrupted import', async ({ client, assert, cleanup }) => {
    // Committed for real: the separate worker process must see it. Removed at the end.
    const [steady, crashing] = [await createMember('owner'), await createMember('owner')]
    cleanup(async () => {
      await Organization.query()
        .whereIn('id', [steady.organizationId, crashing.organizationId])
        .delete()
      await User.query().whereIn('id', [steady.userId, crashing.userId]).delete()
    })
    const content = manyRows(30_000)
    await prepareOrganization(steady)
    await prepareOrganization(crashing)

    const uninterrupted = await importFixture(steady, 'voters.csv', { content })
    assert.equal(uninterrupted.status, 'completed')

    // The same file, run by a worker process that is killed once it has saved a batch.
    const record = await uploadedImport(crashing, 'voters.csv', { content })
    const worker = separateWorker()
    cleanup(() => {
      worker.kill('SIGKILL')
    })
    let exited = false
    worker.once('exit', () => (exited = true))
    for (;;) {
      const row = await db.from('imports').where('id', record.id).select('rows_processed').first()
      if (row.rows_processed >= BATCH_ROWS) break
      assert.isFalse(exited, 'the worker process ended before saving a batch')
      await sleep(5)
    }
    worker.kill('SIGKILL')
    if (!exited) await once(worker, 'exit')

    const stopped = await Import.findOrFail(record.id)
    assert.equal(stopped.status, 'running')
    assert.isBelow(stopped.rowsProcessed, stopped.rowsTotal, 'killed before the end')
    assert.equal(stopped.rowsProcessed % BATCH_ROWS, 0, 'what was saved is whole batches')
    assert.isTrue(existsSync(absolutePath(stopped.filePath)))

    // Nobody heard from it for ten minutes: the import is known to have stopped.
    await db
      .from('imports')
      .where('id', record.id)
      .update({
        heartbeat_at: DateTime.now()
          .minus({ minutes: 10 })
          .toFormat(db.connection().dialect.dateTimeFormat),
      })
    const token = await apiTokenFor(crashing)
    const resumed = await client.post(`/api/v1/imports/${record.id}/resume`).bearerToken(token)
    resumed.assertStatus(202)
    assertMatchesApiDoc(resumed)
    assert.deepEqual(resumed.body(), { id: record.id, status: 'queued' })
    await runQueuedImports()

    const finished = await Import.findOrFail(record.id)
    assert.deepEqual(outcome(finished), outcome(uninterrupted))
    assert.deepEqual(await contactsAndMembers(finished), await contactsAndMembers(uninterrupted))
    assert.equal(await reportOf(finished), await reportOf(uninterrupted))
  }).timeout(180_000)
})
