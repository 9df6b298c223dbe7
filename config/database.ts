import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'
import { mkdirSync } from 'node:fs'
import { storagePath } from '#config/app'
import type { MysqlConfig } from '@adonisjs/lucid/types/database'
import { waitForLocksAsynchronously } from '#services/db/sqlite_locks'

const migrations = { naturalSort: true, paths: ['database/migrations'] }
/**
 * A failed query's error message shows its placeholders, not the values bound to them
 * (contacts' data, a segment's thousand ZIP codes), wherever the message ends up. A knex
 * option Lucid passes on but does not declare, hence the spread.
 */
const knexOptions = { compileSqlOnError: false }
// Models declare their columns themselves, so no generated schema file drifts between databases.
const schemaGeneration = { enabled: false }

/**
 * SQLite in DATA_DIR out of the box; MySQL/MariaDB when DB_CONNECTION=mysql.
 */
// The SQLite file's folder must exist before the first connection.
mkdirSync(storagePath, { recursive: true })

const mysql: MysqlConfig = {
  client: 'mysql2',
  connection: {
    host: env.get('DB_HOST', '127.0.0.1'),
    port: env.get('DB_PORT', 3306),
    user: env.get('DB_USER', 'root'),
    password: env.get('DB_PASSWORD', ''),
    database: env.get('DB_DATABASE', 'porchlight'),
    charset: 'utf8mb4',
    timezone: 'Z',
  },
  migrations,
  schemaGeneration,
  ...knexOptions,
}

/**
 * Knex compiles every query's SQL anew; on SQLite that costs about as much
 * as running it. Statements are reusable (knex runs each to completion at
 * once), so the connection keeps the most recent ones by SQL text.
 */
function reusePreparedStatements(connection: { prepare(sql: string): unknown }) {
  const prepare = connection.prepare.bind(connection)
  const statements = new Map<string, unknown>()
  connection.prepare = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = prepare(sql)
      statements.set(sql, statement)
      if (statements.size > 500) statements.delete(statements.keys().next().value!)
    }
    return statement
  }
}

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'sqlite'),
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: { filename: `${storagePath}/porchlight.sqlite3` },
      useNullAsDefault: true,
      pool: {
        /**
         * WAL lets readers (the read pool's too) work while a writer commits;
         * NORMAL sync is safe in WAL mode; a statement finding the database
         * locked waits for it asynchronously, never with SQLite's busy
         * timeout, which would stop the whole server meanwhile.
         */
        afterCreate: (
          connection: any,
          done: (error: Error | null, connection: unknown) => void
        ) => {
          connection.pragma('journal_mode = WAL')
          connection.pragma('synchronous = NORMAL')
          connection.pragma('foreign_keys = ON')
          // better-sqlite3 opens connections with a 5 s busy timeout of its own.
          connection.pragma('busy_timeout = 0')
          waitForLocksAsynchronously(connection)
          reusePreparedStatements(connection)
          done(null, connection)
        },
      },
      migrations,
      schemaGeneration,
      ...knexOptions,
    },
    mysql,
    // Rate-limit counters on MySQL commit on their own (BEGIN … COMMIT); a pool of their own
    // keeps that apart from any transaction the request, or a test, has open.
    mysql_limiter: { ...mysql, pool: { min: 0, max: 2 } },
  },
})

export default dbConfig
