import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'

/**
 * The tables with an organization_id column. Asked of the database directly,
 * through the test's transaction: Lucid's table and column listings inside a
 * transaction either take a second connection (which a one-connection SQLite
 * pool never frees) or come back empty.
 */
async function organizationOwnedTables(): Promise<string[]> {
  const client = db.connection()
  const sql = client.dialect.name.includes('sqlite')
    ? `select m.name as name from sqlite_master m join pragma_table_info(m.name) c
       where m.type = 'table' and c.name = 'organization_id'`
    : `select table_name as name from information_schema.columns
       where table_schema = database() and column_name = 'organization_id'`
  const result = await client.rawQuery(sql)
  const rows: { name: string }[] = client.dialect.name.includes('sqlite') ? result : result[0]
  return rows.map((row) => row.name)
}

export type Snapshot = Record<string, { rows: number; digest: string }>

/**
 * Every row that belongs to an organization, table by table: its own row,
 * its members' accounts and API tokens, and the rows of every table with an
 * organization_id column (so tables added later are covered without edits).
 */
export async function snapshotOrganization(organizationId: number): Promise<Snapshot> {
  const client = db.connection()
  const memberships = () => client.from('memberships').where('organization_id', organizationId)
  const selections: Record<string, ReturnType<typeof client.from>> = {
    organizations: client.from('organizations').where('id', organizationId),
    users: client.from('users').whereIn('id', memberships().select('user_id')),
    api_tokens: client.from('api_tokens').whereIn('tokenable_id', memberships().select('id')),
  }
  for (const table of await organizationOwnedTables()) {
    selections[table] = client.from(table).where('organization_id', organizationId)
  }

  const snapshot: Snapshot = {}
  for (const [table, query] of Object.entries(selections)) {
    const rows: unknown[] = await query
    const lines = rows.map((row) => JSON.stringify(row)).sort()
    snapshot[table] = {
      rows: lines.length,
      digest: createHash('sha256').update(lines.join('\n')).digest('hex'),
    }
  }
  return snapshot
}
