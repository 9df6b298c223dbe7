import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import IntegrationAccount from '#models/integration_account'
import { clock } from '#services/clock'
import { runImport } from '#services/integrations/people_import'
import { IntegrationWorker } from '#services/integrations/worker'
import { createList, optOut } from '#tests/helpers/contacts'
import { createMember } from '#tests/helpers/members'
import { createIntegrationAccount } from '#tests/helpers/integrations'
import { everyActionStandin, VAN_PEOPLE } from '#tests/fixtures/integrations/everyaction_kit'
import { actionNetworkStandin, AN_PEOPLE } from '#tests/fixtures/integrations/actionnetwork_kit'

function listMembers(listId: number) {
  return db
    .from('contacts as c')
    .join('contact_list_members as m', 'm.contact_id', 'c.id')
    .where('m.contact_list_id', listId)
    .orderBy('c.phone')
    .select('c.phone', 'c.first_name', 'c.external_id', 'c.zip')
}

function runs(accountId: number) {
  return db
    .from('integration_import_runs')
    .where('account_id', accountId)
    .orderBy('id')
    .select('status', 'pages', 'created', 'updated', 'opted_out', 'error')
}

test.group('CRM sync | importing people', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('a form’s sign-ups arrive page by page through a 429, into the list, opt-outs suppressed', async ({
    assert,
    cleanup,
  }) => {
    const { standin, config } = await actionNetworkStandin()
    cleanup(() => standin.close())
    const admin = await createMember('admin')
    const list = await createList(admin.organizationId, 'Sign-ups')
    await optOut(admin.organizationId, AN_PEOPLE[2].phone)
    const account = await createIntegrationAccount(admin, config, {
      importKind: 'form',
      importSourceId: 'form-1',
      importListId: list.id,
    })

    // Page 2 is refused once: the run keeps page 1, waits what Retry-After asks, resumes at page 2.
    standin.rateLimitWhen(/page=2/, '90')
    assert.equal(await runImport(account), 'waiting')
    assert.containSubset(await runs(account.id), [
      {
        status: 'running',
        pages: 1,
        created: 2,
        error: 'Rate limited: You have exceeded the rate limit',
      },
    ])
    assert.lengthOf(await listMembers(list.id), 2)
    const waiting = await IntegrationAccount.findOrFail(account.id)
    assert.include(waiting.importPageCursor!, 'page=2')
    const waitMs = waiting.importNextAt!.toMillis() - clock.now().getTime()
    assert.isAbove(waitMs, 60_000)
    assert.isAtMost(waitMs, 90_000)

    // A new worker after a "restart" picks the run up once it is due.
    await new IntegrationWorker().runOnce()
    assert.lengthOf(standin.calls(/page=2/), 1)
    clock.travel(91_000)
    await new IntegrationWorker().runOnce()

    assert.deepEqual(await runs(account.id), [
      { status: 'completed', pages: 2, created: 2, updated: 0, opted_out: 1, error: null },
    ])
    assert.deepEqual(await listMembers(list.id), [
      {
        phone: AN_PEOPLE[0].phone,
        first_name: 'Givena1',
        external_id: AN_PEOPLE[0].id,
        zip: '30001',
      },
      {
        phone: AN_PEOPLE[1].phone,
        first_name: 'Givena2',
        external_id: AN_PEOPLE[1].id,
        zip: '30002',
      },
    ])
    assert.isTrue(
      standin.requests.every((request) => request.headers['osdi-api-token'] === 'an-key-1')
    )
  })

  test('a scheduled import runs again incrementally, asking only for people changed since the last run', async ({
    assert,
    cleanup,
  }) => {
    const { standin, config } = await actionNetworkStandin()
    cleanup(() => standin.close())
    const admin = await createMember('admin')
    const list = await createList(admin.organizationId, 'Members')
    const account = await createIntegrationAccount(admin, config, {
      importKind: 'list',
      importSourceId: 'list-1',
      importListId: list.id,
      importEveryMinutes: 60,
    })

    const worker = new IntegrationWorker()
    await worker.runOnce()
    assert.lengthOf(await listMembers(list.id), 3)
    assert.notInclude(standin.calls(/items/)[0].path, 'filter')

    await worker.runOnce()
    assert.lengthOf(standin.calls(/items/), 2)
    clock.travel(61 * 60_000)
    await worker.runOnce()
    const incremental = standin.calls(/items/)[2].path
    assert.include(decodeURIComponent(incremental), "filter=modified_date gt '")
    assert.containSubset(await runs(account.id), [
      { status: 'completed', created: 3 },
      { status: 'completed', created: 0, updated: 3 },
    ])
  })

  test('a saved list comes through an export job, polled until its CSV is ready', async ({
    assert,
    cleanup,
  }) => {
    const { standin, config } = await everyActionStandin()
    cleanup(() => standin.close())
    const admin = await createMember('admin')
    const list = await createList(admin.organizationId, 'From VAN')
    const account = await createIntegrationAccount(admin, config, {
      importKind: 'list',
      importSourceId: '555',
      importListId: list.id,
    })

    assert.equal(await runImport(account), 'waiting')
    assert.equal(standin.calls(/POST \/v4\/exportJobs/)[0].body.savedListId, 555)
    clock.travel(10_000)
    assert.equal(await runImport(account), 'completed')
    const members = await listMembers(list.id)
    assert.deepEqual(
      members.map((row) => row.external_id),
      VAN_PEOPLE.map((person) => String(person.vanId))
    )
    assert.containSubset(await runs(account.id), [{ status: 'completed', created: 3 }])
  })

  test('an unknown saved list fails the run with VAN’s error, shown in the log', async ({
    assert,
    cleanup,
  }) => {
    const { standin, config } = await everyActionStandin()
    cleanup(() => standin.close())
    const admin = await createMember('admin')
    const list = await createList(admin.organizationId, 'From VAN')
    const account = await createIntegrationAccount(admin, config, {
      importKind: 'list',
      importSourceId: '404',
      importListId: list.id,
    })
    assert.equal(await runImport(account), 'failed')
    const [run] = await runs(account.id)
    assert.equal(run.status, 'failed')
    assert.include(run.error, 'INVALID_PARAMETER')
  })
})
