import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import RecordOptOut from '#actions/opt_outs/record_opt_out'
import type Membership from '#models/membership'
import Organization from '#models/organization'
import User from '#models/user'
import { clock } from '#services/clock'
import { claimDueResults, claimImport, LEASE_MS } from '#services/integrations/claims'
import { collectResults } from '#services/integrations/results'
import { IntegrationWorker } from '#services/integrations/worker'
import { createContact, createList } from '#tests/helpers/contacts'
import { createMember } from '#tests/helpers/members'
import { createIntegrationAccount } from '#tests/helpers/integrations'
import { everyActionStandin } from '#tests/fixtures/integrations/everyaction_kit'
import { actionNetworkStandin } from '#tests/fixtures/integrations/actionnetwork_kit'

const phones = Array.from({ length: 30 }, (_, index) => `+1202555${3000 + index}`)

/** Contacts the CRM knows (by VAN id) opting out: one result each for every account. */
async function optOutAll(admin: Membership, numbers: string[]) {
  for (const [index, phone] of numbers.entries()) {
    await createContact(admin.organizationId, { phone, externalId: String(5000 + index) })
    await RecordOptOut.handle({ organizationId: admin.organizationId, phone, source: 'admin' })
  }
}

function runsOf(accountId: number) {
  return db.from('integration_import_runs').where('account_id', accountId).select('status')
}

/** An account importing Action Network's "list-1" (two pages) every hour, due now. */
async function scheduledImport(admin: Membership) {
  const { standin, config } = await actionNetworkStandin()
  const list = await createList(admin.organizationId, 'Members')
  const account = await createIntegrationAccount(admin, config, {
    importKind: 'list',
    importSourceId: 'list-1',
    importListId: list.id,
    importEveryMinutes: 60,
  })
  return { standin, account }
}

test.group('CRM sync | workers', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('a result claimed by a worker that died is sent by another once its lease expires', async ({
    assert,
    cleanup,
  }) => {
    const { standin, config } = await everyActionStandin()
    cleanup(() => standin.close())
    const admin = await createMember('admin')
    const account = await createIntegrationAccount(admin, config)
    await optOutAll(admin, phones.slice(0, 2))
    await collectResults(account)

    // A worker claimed the first result, then its process was killed.
    const claimed = await claimDueResults(account.id, 'dead-worker#1', 1, clock.now())
    assert.lengthOf(claimed, 1)
    const worker = new IntegrationWorker()
    await worker.runOnce()
    assert.deepEqual(standin.optedOutPhones, [phones[1]])

    clock.travel(LEASE_MS + 1000)
    await worker.runOnce()
    await new IntegrationWorker().runOnce()
    assert.deepEqual(standin.optedOutPhones, [phones[1], phones[0]])
    const items = await db.from('integration_sync_items').where('account_id', account.id)
    assert.deepEqual(
      items.map((item) => [item.status, item.attempts, item.claimed_by]),
      [
        ['succeeded', 1, null],
        ['succeeded', 1, null],
      ]
    )
  })

  test('a scheduled import claimed by a worker that died is run by another once its lease expires', async ({
    assert,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const { standin, account } = await scheduledImport(admin)
    cleanup(() => standin.close())

    assert.isTrue(await claimImport(account.id, 'dead-worker#import', clock.now()))
    await new IntegrationWorker().runOnce()
    assert.lengthOf(standin.calls(/items/), 0)

    clock.travel(LEASE_MS + 1000)
    await new IntegrationWorker().runOnce()
    await new IntegrationWorker().runOnce()
    assert.lengthOf(standin.calls(/items/), 2)
    assert.deepEqual(await runsOf(account.id), [{ status: 'completed' }])
    const [row] = await db.from('integration_accounts').where('id', account.id)
    assert.isNull(row.import_claimed_by)
  })
})

test.group('CRM sync | concurrent workers', () => {
  test('two workers on the same due results and import send each result once and import once', async ({
    assert,
    cleanup,
  }) => {
    // No global transaction here: each worker claims on its own connection.
    const admin = await createMember('admin')
    cleanup(async () => {
      await Organization.query().where('id', admin.organizationId).delete()
      await User.query().where('id', admin.userId).delete()
    })
    const everyAction = await everyActionStandin()
    cleanup(() => everyAction.standin.close())
    const results = await createIntegrationAccount(admin, everyAction.config)
    const { standin: actionNetwork, account: importing } = await scheduledImport(admin)
    cleanup(() => actionNetwork.close())
    await optOutAll(admin, phones)

    const workers = [new IntegrationWorker(), new IntegrationWorker()]
    await Promise.all(workers.map((worker) => worker.runOnce()))
    await Promise.all(workers.map((worker) => worker.runOnce()))

    assert.sameMembers(everyAction.standin.optedOutPhones, phones)
    assert.lengthOf(everyAction.standin.optedOutPhones, phones.length)
    const statuses = await db
      .from('integration_sync_items')
      .where('account_id', results.id)
      .select('status', 'attempts')
    assert.lengthOf(statuses, phones.length)
    assert.isTrue(statuses.every((item) => item.status === 'succeeded' && item.attempts === 1))
    assert.lengthOf(actionNetwork.calls(/items/), 2)
    assert.deepEqual(await runsOf(importing.id), [{ status: 'completed' }])
  })
})
