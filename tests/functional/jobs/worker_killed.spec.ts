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
import { sqlNow, sqlTime } from '#services/db/sql_time'
import { queueMessage } from '#services/outbox/enqueue'
import { createFakeAccount, SENDER } from '#tests/helpers/messaging'

const CONTACTS = 20_000

/** A `node ace jobs:work` process on the test database (with or without the outbox). */
function jobsWorker(dispatch = false) {
  const args = dispatch ? ['jobs:work'] : ['jobs:work', '--no-dispatch']
  return spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/console.ts', ...args], {
    cwd: app.appRoot,
    stdio: 'ignore',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  })
}

async function kill(worker: ChildProcess) {
  if (worker.exitCode !== null || worker.signalCode !== null) return
  const exited = once(worker, 'exit')
  worker.kill('SIGKILL')
  await exited
}

/** Polls `read` until `done` says so, failing if the worker process ends first. */
async function waitFor<T>(
  worker: ChildProcess,
  read: () => Promise<T>,
  done: (value: T) => boolean
) {
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (worker.exitCode !== null) throw new Error('the worker process ended early')
    await sleep(5)
  }
}

const exportRow = (id: number) => () => db.from('exports').where('id', id).firstOrFail()

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
    await waitFor(first, exportRow(record.id), (row) => row.status === 'running')
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
      second,
      exportRow(record.id),
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

/**
 * A worker killed (SIGKILL) while it sends: the texts it had claimed are
 * never sent blindly again. Once their claims have expired (claimed_at moved
 * back past the five minutes), another worker asks the carrier about each:
 * one the carrier has is recorded as sent, one it has not is parked for an
 * admin (safe to send again); the queued rest are sent. Every text reaches
 * the carrier at most once, and every row ends sent or parked.
 */
test.group('Jobs | a worker killed mid-dispatch', () => {
  test('another worker finishes the outbox, nothing sent twice or lost', async ({
    assert,
    cleanup,
  }) => {
    const texts = 200
    const owner = await createMember('owner')
    const workers: ChildProcess[] = []
    cleanup(async () => {
      for (const worker of workers) await kill(worker)
      await db.from('fake_carrier_messages').where('organization_id', owner.organizationId).delete()
      await removeOrganization(owner)
    })
    // 40 a second: about five seconds of sending, long enough to be killed in the middle.
    // No delivery receipts during the run: they would reach this process's server while
    // later tests hold their own transactions.
    const account = await createFakeAccount(owner.organizationId, {
      settings: { textsPerSecond: '40', deliveryDelayMs: 600_000 },
    })
    for (let index = 0; index < texts; index++) {
      await queueMessage({
        organizationId: owner.organizationId,
        providerAccountId: account.id,
        from: SENDER,
        to: `+1202555${String(3000 + index).padStart(4, '0')}`,
        body: `Hello ${index}`,
      })
    }
    const statuses = async () => {
      const rows = await db
        .from('messages')
        .where('organization_id', owner.organizationId)
        .groupBy('status')
        .select('status')
        .count('* as total')
      return Object.fromEntries(rows.map((row) => [row.status, Number(row.total)]))
    }

    const first = jobsWorker(true)
    workers.push(first)
    await waitFor(first, statuses, (counts) => (counts.sent ?? 0) >= 40)
    await kill(first)
    const interrupted = await statuses()
    assert.isAbove(interrupted.queued ?? 0, 0, 'killed before the outbox was empty')

    // The claims expire: nobody heard from the killed worker for ten minutes.
    await db
      .from('messages')
      .where('organization_id', owner.organizationId)
      .where('status', 'sending')
      .update({ claimed_at: sqlTime(DateTime.now().minus({ minutes: 10 })) })
    const second = jobsWorker(true)
    workers.push(second)
    const settled = await waitFor(second, statuses, (counts) => !counts.queued && !counts.sending)

    const carrier = await db
      .from('fake_carrier_messages')
      .where('organization_id', owner.organizationId)
      .where('direction', 'to_phone')
      .select('phone')
    const phones = carrier.map((row) => row.phone)
    assert.equal(new Set(phones).size, phones.length, 'no text reached the carrier twice')
    // Recorded as handed over (sent, or moved on by the carrier's receipts): its carrier id.
    const handedOver = await db
      .from('messages')
      .where('organization_id', owner.organizationId)
      .whereNotNull('provider_message_id')
      .select('provider_message_id')
    assert.equal(handedOver.length, phones.length, 'every text the carrier has is recorded')
    assert.equal(new Set(handedOver.map((row) => row.provider_message_id)).size, phones.length)
    assert.equal(handedOver.length + (settled.review ?? 0), texts, 'every text is accounted for')
  }).timeout(180_000)
})
