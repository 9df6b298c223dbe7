import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dataDir } from '../config/paths.js'

/**
 * An instance must start with nothing configured. When APP_KEY is neither in
 * the environment nor in .env, the key is read from DATA_DIR (or generated
 * there once), so it survives restarts and lives beside the data it protects.
 */
export async function ensureAppKey(appRoot: URL) {
  if (process.env.APP_KEY || dotEnvHasKey(appRoot)) return

  const dir = dataDir(appRoot)
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

function dotEnvHasKey(appRoot: URL) {
  const files = ['.env', process.env.NODE_ENV === 'test' ? '.env.test' : undefined]
  return files.some((file) => {
    const path = new URL(file ?? '', appRoot)
    return (
      file !== undefined && existsSync(path) && /^APP_KEY=\S+/m.test(readFileSync(path, 'utf8'))
    )
  })
}
