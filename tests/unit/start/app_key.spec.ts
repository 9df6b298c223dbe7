import { test } from '@japa/runner'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ensureAppKey } from '#start/app_key'

const KEY_FORMAT = /^[\w-]{43}$/

test.group('App key | first start', (group) => {
  let appRoot: URL
  let rootDir: string

  /*
  | Each test runs in an empty app root with no .env file and no APP_KEY in
  | the environment; the process's own values come back afterwards.
  */
  group.each.setup(async () => {
    const saved = {
      APP_KEY: process.env.APP_KEY,
      DATA_DIR: process.env.DATA_DIR,
      NODE_ENV: process.env.NODE_ENV,
    }
    rootDir = await mkdtemp(join(tmpdir(), 'porchlight-app-key-'))
    appRoot = pathToFileURL(`${rootDir}/`)
    delete process.env.APP_KEY
    process.env.DATA_DIR = join(rootDir, 'data')
    return async () => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
      await rm(rootDir, { recursive: true, force: true })
    }
  })

  test('writes a new key to DATA_DIR, readable only by its owner', async ({ assert }) => {
    await ensureAppKey(appRoot)

    const key = process.env.APP_KEY!
    assert.match(key, KEY_FORMAT)
    const file = join(rootDir, 'data', 'app-key')
    assert.equal(await readFile(file, 'utf8'), `${key}\n`)
    const { mode } = await stat(file)
    assert.equal(mode & 0o777, 0o600)
  })

  test('reuses the stored key on the next start', async ({ assert }) => {
    await ensureAppKey(appRoot)
    const first = process.env.APP_KEY
    delete process.env.APP_KEY

    await ensureAppKey(appRoot)

    assert.equal(process.env.APP_KEY, first)
  })

  test('a relative DATA_DIR is found from the app root', async ({ assert }) => {
    process.env.DATA_DIR = './nested/data'

    await ensureAppKey(appRoot)

    const stored = await readFile(join(rootDir, 'nested', 'data', 'app-key'), 'utf8')
    assert.equal(stored.trim(), process.env.APP_KEY)
  })

  test('an APP_KEY in the environment is used as it is', async ({ assert }) => {
    process.env.APP_KEY = 'configured-by-the-admin'

    await ensureAppKey(appRoot)

    assert.equal(process.env.APP_KEY, 'configured-by-the-admin')
    await assert.rejects(() => stat(join(rootDir, 'data', 'app-key')))
  })

  test('an APP_KEY in .env is left for the env loader', async ({ assert }) => {
    await writeFile(join(rootDir, '.env'), 'PORT=3333\nAPP_KEY=from-dot-env\n')

    await ensureAppKey(appRoot)

    assert.isUndefined(process.env.APP_KEY)
    await assert.rejects(() => stat(join(rootDir, 'data', 'app-key')))
  })

  test('an empty APP_KEY line in .env does not count', async ({ assert }) => {
    await writeFile(join(rootDir, '.env'), 'APP_KEY=\n')

    await ensureAppKey(appRoot)

    assert.match(process.env.APP_KEY!, KEY_FORMAT)
  })

  test('.env.test counts only when testing', async ({ assert }) => {
    await writeFile(join(rootDir, '.env.test'), 'APP_KEY=from-dot-env-test\n')

    process.env.NODE_ENV = 'production'
    await ensureAppKey(appRoot)
    assert.match(process.env.APP_KEY!, KEY_FORMAT)

    delete process.env.APP_KEY
    await rm(join(rootDir, 'data'), { recursive: true })
    process.env.NODE_ENV = 'test'
    await ensureAppKey(appRoot)
    assert.isUndefined(process.env.APP_KEY)
  })

  test('a DATA_DIR set in .env is where the key goes', async ({ assert }) => {
    delete process.env.DATA_DIR
    await writeFile(join(rootDir, '.env'), 'DATA_DIR=./from-dot-env\n')

    await ensureAppKey(appRoot)

    const stored = await readFile(join(rootDir, 'from-dot-env', 'app-key'), 'utf8')
    assert.equal(stored.trim(), process.env.APP_KEY)
  })

  test('processes starting together all get the one stored key, and no drafts stay', async ({
    assert,
  }) => {
    // A half-written key file is visible only for an instant, so try many starts.
    for (let round = 0; round < 100; round++) {
      process.env.DATA_DIR = join(rootDir, `data-${round}`)
      delete process.env.APP_KEY
      const keys = await Promise.all(
        Array.from({ length: 8 }, () => ensureAppKey(appRoot).then(() => process.env.APP_KEY))
      )

      const stored = await readFile(join(process.env.DATA_DIR, 'app-key'), 'utf8')
      assert.match(stored.trim(), KEY_FORMAT)
      assert.deepEqual(keys, Array(8).fill(stored.trim()), `round ${round}`)
      assert.deepEqual(await readdir(process.env.DATA_DIR), ['app-key'])
    }
  })
})
