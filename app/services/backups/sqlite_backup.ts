import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { storagePath } from '#config/app'
import { clock } from '#services/clock'

/** Tables every Porchlight database has; a file without them is not one. */
const PORCHLIGHT_TABLES = ['adonis_schema', 'organizations', 'users', 'messages']

export const databaseFile = join(storagePath, 'porchlight.sqlite3')

/** `DATA_DIR/backups/<prefix>-<UTC time>.sqlite3`. */
export function defaultBackupPath(prefix: string) {
  const stamp = clock.dateTime().toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'")
  return join(storagePath, 'backups', `${prefix}-${stamp}.sqlite3`)
}

/**
 * Copies a SQLite database with SQLite's online backup API: consistent even
 * while the server writes to it (pages changed meanwhile are copied again).
 */
export async function copyDatabase(source: string, destination: string) {
  if (!existsSync(source)) throw new Error(`There is no database at ${source}`)
  mkdirSync(dirname(destination), { recursive: true })
  const connection = new Database(source, { readonly: true, fileMustExist: true })
  try {
    await connection.backup(destination)
  } finally {
    connection.close()
  }
}

/**
 * Why `file` is not a sound Porchlight database, or null when it is: it must
 * open as SQLite, pass the integrity check and hold Porchlight's tables.
 */
export function problemWith(file: string): string | null {
  if (!existsSync(file)) return `${file} does not exist`
  let connection: Database.Database | undefined
  try {
    connection = new Database(file, { readonly: true, fileMustExist: true })
    const integrity = connection.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') return `${file} is damaged (integrity check: ${integrity})`
    const tables = new Set(
      connection
        .prepare("select name from sqlite_master where type = 'table'")
        .pluck()
        .all() as string[]
    )
    const missing = PORCHLIGHT_TABLES.filter((table) => !tables.has(table))
    if (missing.length) return `${file} is not a Porchlight database (no ${missing.join(', ')})`
    return null
  } catch (error) {
    return `${file} is not a SQLite database (${(error as Error).message})`
  } finally {
    connection?.close()
  }
}

/**
 * Whether a Porchlight server answers on this machine's configured address:
 * a restore under a running server would leave it serving from memory what
 * the file no longer says.
 */
export async function serverIsRunning(host: string, port: number) {
  try {
    const response = await fetch(`http://${host}:${port}/health`, {
      signal: AbortSignal.timeout(2000),
    })
    await response.body?.cancel()
    return true
  } catch {
    return false
  }
}
