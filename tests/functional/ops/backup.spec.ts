import { test } from '@japa/runner'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import Database from 'better-sqlite3'
import { productionEnv, runAce, runAceOk, unusedPort } from '#tests/helpers/processes'

/** The emails of an instance's accounts, read straight from its SQLite file. */
function emailsIn(file: string) {
  const connection = new Database(file, { readonly: true })
  try {
    return connection.prepare('select email from users order by email').pluck().all()
  } finally {
    connection.close()
  }
}

function createOwner(email: string, org: string, env: NodeJS.ProcessEnv) {
  return runAceOk(
    ['users:create-owner', '--email', email, '--password', 'a long password 123', '--org', org],
    env
  )
}

test.group('Backup and restore (SQLite)', () => {
  test('a backup restores the data as it was, keeping the replaced database', async ({
    assert,
    cleanup,
  }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'porchlight-backup-'))
    cleanup(() => rm(dataDir, { recursive: true, force: true }))
    // Nothing listens on this port: the instance counts as stopped.
    const env = productionEnv(dataDir, { PORT: String(await unusedPort()) })
    const database = join(dataDir, 'porchlight.sqlite3')
    await runAceOk(['migration:run', '--force'], env)
    await createOwner('first@example.org', 'First', env)

    const backupFile = join(dataDir, 'nightly.sqlite3')
    const backup = await runAce(['backup', '--to', backupFile], env)
    assert.equal(backup.exitCode, 0)
    assert.equal(backup.lastLine, backupFile)

    await createOwner('second@example.org', 'Second', env)
    assert.deepEqual(emailsIn(database), ['first@example.org', 'second@example.org'])

    const restore = await runAce(['restore', backupFile], env)
    assert.equal(restore.exitCode, 0, restore.lines.join('\n'))
    assert.deepEqual(emailsIn(database), ['first@example.org'])
    const backups = await readdir(join(dataDir, 'backups'))
    const kept = backups.filter((name) => name.startsWith('before-restore-'))
    assert.lengthOf(kept, 1)
    assert.deepEqual(emailsIn(join(dataDir, 'backups', kept[0])), [
      'first@example.org',
      'second@example.org',
    ])

    // The restored instance works: its commands run against the restored data.
    await createOwner('third@example.org', 'Third', env)
    assert.deepEqual(emailsIn(database), ['first@example.org', 'third@example.org'])
  }).timeout(120_000)

  test('restore refuses a file that is not a Porchlight database, and a running server', async ({
    assert,
    cleanup,
  }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'porchlight-restore-'))
    cleanup(() => rm(dataDir, { recursive: true, force: true }))
    const stopped = productionEnv(dataDir, { PORT: String(await unusedPort()) })
    await runAceOk(['migration:run', '--force'], stopped)
    const backupFile = join(dataDir, 'copy.sqlite3')
    await runAceOk(['backup', '--to', backupFile], stopped)

    const notSqlite = join(dataDir, 'notes.txt')
    await writeFile(notSqlite, 'not a database')
    const refusedText = await runAce(['restore', notSqlite], stopped)
    assert.equal(refusedText.exitCode, 1)
    assert.match(refusedText.lastLine!, /is not a SQLite database/)

    const otherDatabase = join(dataDir, 'other.sqlite3')
    new Database(otherDatabase).exec('create table notes (id integer)').close()
    const refusedOther = await runAce(['restore', otherDatabase], stopped)
    assert.equal(refusedOther.exitCode, 1)
    assert.match(refusedOther.lastLine!, /is not a Porchlight database/)

    // The test server answers /health on this port, as a running instance would.
    const running = productionEnv(dataDir, { HOST: process.env.HOST!, PORT: process.env.PORT! })
    const refusedRunning = await runAce(['restore', backupFile], running)
    assert.equal(refusedRunning.exitCode, 1)
    assert.match(refusedRunning.lastLine!, /Porchlight is running on this machine/)
  }).timeout(120_000)

  test('on MySQL, backup explains mysqldump and exits 1: nothing was copied', async ({
    assert,
    cleanup,
  }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'porchlight-backup-mysql-'))
    cleanup(() => rm(dataDir, { recursive: true, force: true }))
    const env = productionEnv(dataDir, { DB_CONNECTION: 'mysql', DB_DATABASE: 'porchlight_crm' })

    const result = await runAce(['backup'], env)

    assert.equal(result.exitCode, 1)
    assert.isTrue(result.lines.some((line) => /mysqldump .* porchlight_crm/.test(line)))
  }).timeout(60_000)
})
