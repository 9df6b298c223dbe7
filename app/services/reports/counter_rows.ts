import db from '@adonisjs/lucid/services/db'
import { counterColumns } from '#database/report_counters'

/**
 * The counters of a sharded counter table (database/report_counters.ts),
 * each summed over its shards and grouped by `keys`: the figures as one row
 * per key, exactly as an unsharded table would hold them.
 */
export function summedCounters(table: string, keys: string[]) {
  const query = db.from(table).select(keys).groupBy(keys)
  for (const column of counterColumns(table)) query.sum(`${column} as ${column}`)
  return query
}
