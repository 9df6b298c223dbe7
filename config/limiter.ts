import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

/**
 * Counters live in the database so every process of an instance shares them.
 */
const limiterConfig = defineConfig({
  default: 'database',
  stores: {
    database: stores.database({
      tableName: 'rate_limits',
      // See config/database.ts. SQLite has a single writer, so it shares the app's connection.
      connectionName: env.get('DB_CONNECTION', 'sqlite') === 'mysql' ? 'mysql_limiter' : undefined,
    }),
    memory: stores.memory({}),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
