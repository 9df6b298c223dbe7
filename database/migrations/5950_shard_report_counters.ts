import { BaseSchema } from '@adonisjs/lucid/schema'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import {
  counterColumns,
  counterTriggers,
  SHARDED_COUNTER_TABLES,
  type Dialect,
} from '#database/report_counters'

type KeyColumns = { integer(name: string): any; string(name: string, length: number): any }

/** Each sharded table's key columns, as migration 5400 made them. */
const KEYS: Record<string, { names: string[]; define: (table: KeyColumns) => void }> = {
  report_campaign_counters: {
    names: ['campaign_id'],
    define: (table) => table.integer('campaign_id').unsigned().notNullable(),
  },
  report_variant_counters: {
    names: ['campaign_id', 'variant_id'],
    define: (table) => {
      table.integer('campaign_id').unsigned().notNullable()
      table.integer('variant_id').unsigned().notNullable()
    },
  },
  report_activity: {
    names: ['campaign_id', 'hour'],
    define: (table) => {
      table.integer('campaign_id').unsigned().notNullable()
      table.string('hour', 13).notNullable()
    },
  },
}

/**
 * Counters version 3 (database/report_counters.ts): the campaign, variant and
 * hourly counters every send moves get a `shard` key, so concurrent sends
 * spread over 16 rows instead of queueing on one. The existing figures move
 * to shard 0 unchanged; readers sum the shards.
 */
export default class extends BaseSchema {
  #dialect(): Dialect {
    return this.db.dialect.name === 'mysql' ? 'mysql' : 'sqlite'
  }

  /** Rebuilds `table` with or without the shard key, carrying its figures over. */
  async #rebuild(db: QueryClientContract, table: string, sharded: boolean) {
    const { names, define } = KEYS[table]
    const values = counterColumns(table, 3)
    const next = `${table}_next`
    await db.schema.createTable(next, (t) => {
      define(t)
      if (sharded) t.integer('shard').unsigned().notNullable().defaultTo(0)
      for (const name of values) t.integer(name).notNullable().defaultTo(0)
      t.primary(sharded ? [...names, 'shard'] : names)
    })
    const keys = names.join(', ')
    const copy = sharded
      ? `INSERT INTO ${next} (${keys}, ${values.join(', ')}) SELECT ${keys}, ${values.join(', ')} FROM ${table}`
      : `INSERT INTO ${next} (${keys}, ${values.join(', ')}) SELECT ${keys}, ${values
          .map((name) => `SUM(${name})`)
          .join(', ')} FROM ${table} GROUP BY ${keys}`
    await db.rawQuery(copy)
    await db.schema.dropTable(table)
    await db.schema.renameTable(next, table)
  }

  async up() {
    this.defer(async (db) => {
      for (const trigger of counterTriggers(this.#dialect(), 2)) await db.rawQuery(trigger.drop)
      for (const table of SHARDED_COUNTER_TABLES) await this.#rebuild(db, table, true)
      for (const trigger of counterTriggers(this.#dialect(), 3)) await db.rawQuery(trigger.create)
    })
  }

  async down() {
    this.defer(async (db) => {
      for (const trigger of counterTriggers(this.#dialect(), 3)) await db.rawQuery(trigger.drop)
      for (const table of SHARDED_COUNTER_TABLES) await this.#rebuild(db, table, false)
      for (const trigger of counterTriggers(this.#dialect(), 2)) await db.rawQuery(trigger.create)
    })
  }
}
