import db from '@adonisjs/lucid/services/db'
import { readRows } from '#services/db/read_pool'

/**
 * The rows of a campaign's exports, read a chunk at a time in id order (an
 * index range each, never an offset), so a million rows stream in flat
 * memory. `rows` counts what will be written (for the progress bar),
 * `write` writes every row, reporting progress per chunk.
 *
 * A chunk is alive while its lines are written, so each garbage collection
 * meanwhile copies it and promotes it to the old generation: small chunks
 * leave less there for a long export's heap to grow by, at the cost of a
 * few more reads.
 */
const CHUNK = 250

export type Target = { organizationId: number; campaignId: number }
/** `write` takes a line at a time; when it answers a promise, that is awaited before the next (backpressure). */
type Output = {
  write(text: string): Promise<void> | undefined
  progress(rows: number): Promise<void>
}
type Row = Record<string, any>

/**
 * `header`: when given, the file's first line, known only once every row was
 * written; `widened`: some rows were written before the header's last columns
 * were known, and are to be padded to its width.
 */
export type Written = { rows: number; header?: string[]; widened?: boolean }

export type ExportWriter = {
  rows(target: Target): Promise<number>
  write(target: Target, output: Output): Promise<Written>
}

/** Member names by user id, for the texter and sender columns. */
export async function namesOfMembers(organizationId: number) {
  const users = await db
    .from('memberships')
    .join('users', 'users.id', 'memberships.user_id')
    .where('memberships.organization_id', organizationId)
    .select('users.id', 'users.full_name')
  return new Map(users.map((user) => [user.id as number, user.full_name as string]))
}

/**
 * Walks `query` (which must select `id`) in id order, a chunk at a time,
 * each read through the read pool.
 */
export async function* chunks(query: () => any, idColumn: string) {
  let after = 0
  while (true) {
    const rows: Row[] = await readRows(
      query().where(idColumn, '>', after).orderBy(idColumn).limit(CHUNK)
    )
    if (rows.length) yield rows
    if (rows.length < CHUNK) return
    after = rows[rows.length - 1].id
  }
}
