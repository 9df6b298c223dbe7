import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'
import { mkdirSync } from 'node:fs'
import { storagePath } from '#config/app'

const migrations = { naturalSort: true, paths: ['database/migrations'] }
// Models declare their columns themselves, so no generated schema file drifts between databases.
const schemaGeneration = { enabled: false }

/**
 * SQLite in DATA_DIR out of the box; MySQL/MariaDB when DB_CONNECTION=mysql.
 */
// The SQLite file's folder must exist before the first connection.
mkdirSync(storagePath, { recursive: true })

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'sqlite'),
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: { filename: `${storagePath}/porchlight.sqlite3` },
      useNullAsDefault: true,
      migrations,
      schemaGeneration,
    },
    mysql: {
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
    },
  },
})

export default dbConfig
