import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { dataDir } from '../config/paths.js'

/**
 * An instance must start with nothing configured. When APP_KEY is neither in
 * the environment nor in .env, the key is read from DATA_DIR (or generated
 * there once), so it survives restarts and lives beside the data it protects.
 */
export async function ensureAppKey(appRoot: URL) {
  const dotEnv = readDotEnv(appRoot)
  if (process.env.APP_KEY || dotEnv.APP_KEY) return

  const dir = dataDir(appRoot, process.env.DATA_DIR || dotEnv.DATA_DIR)
  const keyFile = `${dir}/app-key`
  await mkdir(dir, { recursive: true })
  try {
    const stored = await readFile(keyFile, 'utf8')
    process.env.APP_KEY = stored.trim()
  } catch {
    await createKeyFile(keyFile)
    const stored = await readFile(keyFile, 'utf8')
    process.env.APP_KEY = stored.trim()
  }
}

/**
 * Processes starting together on a fresh instance must agree on one key and
 * never read a half-written file: each writes its own draft, and the first
 * to link its draft into place wins (a link never replaces an existing file).
 */
async function createKeyFile(keyFile: string) {
  const draft = `${keyFile}.${process.pid}.${randomBytes(6).toString('hex')}`
  await writeFile(draft, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 })
  try {
    await link(draft, keyFile)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    await unlink(draft)
  }
}

/**
 * The env files the app loads when it boots, read ahead of it: APP_KEY or
 * DATA_DIR set there must count here too.
 */
function readDotEnv(appRoot: URL) {
  const files = process.env.NODE_ENV === 'test' ? ['.env', '.env.test'] : ['.env']
  const values: Record<string, string | undefined> = {}
  for (const file of files) {
    const path = new URL(file, appRoot)
    if (existsSync(path)) Object.assign(values, parseEnv(readFileSync(path, 'utf8')))
  }
  return values
}
