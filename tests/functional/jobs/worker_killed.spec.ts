import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFile, rm } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import Export from '#models/export'
import { absoluteExportPath } from '#services/exports/csv_file'
import { createMember } from '#tests/helpers/members'
import { createDraft } from '#tests/helpers/campaigns'
import { removeOrganization, seedManyContacts } from '#tests/helpers/heavy_reads'
import { sqlNow } from '#services/db/sql_time'

const CONTACTS = 20_000

/** A `node ace jobs:work` process on the test database (imports and exports only). */
function jobsWorker() {
  return spawn(
    process.execPath,
    ['--import', '@poppinss/ts-exec', 'bin/console.ts', 'jobs:work', '--no-dispatch'],
    { cwd: app.appRoot, stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'silent' } }
  )
}

async function kill(worker: ChildProcess) {
  if (worker.exitCode !== null || worker.signalCode !== null) return
  const exited = once(worker, 'exit')
  worker.kill('SIGKILL')
  await exited
}

/** Polls the export until `done` says so, failing if the worker process ends first. */
async function waitFor(id: number, worker: ChildProcess, done: (row: any) => boolean) {
  for (;;) {
    const row = await db.from('exports').where('id', id).firstOrFail()
    if (done(row)) return row
    if (worker.exitCode !== null) throw new Error('the worker process ended early')
    await sleep(5)
  }
}

/**
 * Real worker processes on committed data: one is killed (SIGKILL) while it
 * writes an export; once its lease has expired (its heartbeat moved back past
 * the five minutes a live worker never lets pass), another worker takes the
 * export up and writes it whole, every row once.
 */
test.group('Jobs | a worker killed mid-export', () => {
  test('another worker writes the export, nothing lost or doubled', async ({ assert, cleanup }) => {
    const owner = await createMember('owner')
    const workers: ChildProcess[] = []
    cleanup(async () => {
      for (const worker of workers) await kill(worker)
      const files = await db
        .from('exports')
        .where('organization_id', owner.organizationId)
        .whereNotNull('file_path')
      for (const file of files) await rm(absoluteExportPath(file.file_path), { force: true })
      await removeOrganization(owner)
    })
    const campaign = await createDraft(owner, { audience: { listIds: [] } })
    await seedManyContacts(owner.organizationId, CONTACTS, { customFields: 2 })
    await db.rawQuery(
      `INSERT INTO campaign_contacts (organization_id, campaign_id, contact_id, status, created_at)
       SELECT organization_id, ?, id, 'needs_message', ? FROM contacts WHERE organization_id = ?`,
      [campaign.id, sqlNow(), owner.organizationId]
    )
    const record = await Export.create({
      organizationId: owner.organizationId,
      campaignId: campaign.id,
      createdById: owner.userId,
      kind: 'contacts',
      status: 'queued',
    })

    const first = jobsWorker()
    workers.push(first)
    await waitFor(record.id, first, (row) => row.status === 'running')
    await kill(first)
    const stopped = await db.from('exports').where('id', record.id).firstOrFail()
    assert.equal(stopped.status, 'running', 'killed before the export finished')
    assert.isNull(stopped.file_path)

    // The lease runs out: nobody heard from the killed worker for ten minutes.
    const longAgo = DateTime.now().minus({ minutes: 10 })
    await db
      .from('exports')
      .where('id', record.id)
      .update({ heartbeat_at: longAgo.toFormat(db.connection().dialect.dateTimeFormat) })
    const second = jobsWorker()
    workers.push(second)
    const finished = await waitFor(
      record.id,
      second,
      (row) => row.status !== 'running' && row.status !== 'queued'
    )

    assert.equal(finished.status, 'completed')
    assert.equal(Number(finished.rows_written), CONTACTS)
    const file = await readFile(absoluteExportPath(finished.file_path), 'utf8')
    const lines = file.split('\n').filter(Boolean).slice(1)
    assert.lengthOf(lines, CONTACTS)
    assert.equal(new Set(lines).size, CONTACTS)
  }).timeout(180_000)
})
