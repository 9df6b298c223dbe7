import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
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
    const key = randomBytes(32).toString('base64url')
    await writeFile(keyFile, `${key}\n`, { mode: 0o600, flag: 'wx' }).catch(() => {})
    const stored = await readFile(keyFile, 'utf8')
    process.env.APP_KEY = stored.trim()
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
