import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { Redis } from 'ioredis'

const connections = new Map<string, Redis>()

/**
 * A Redis connection by purpose ('main' for commands, 'subscriber' for
 * listening, which Redis dedicates to that), opened on first use and closed
 * when the app stops. A process that never needs Redis never connects.
 */
export function redisConnection(purpose: 'main' | 'subscriber' = 'main') {
  let connection = connections.get(purpose)
  if (!connection) {
    connection = new Redis({
      host: env.get('REDIS_HOST') ?? '127.0.0.1',
      port: env.get('REDIS_PORT', 6379),
    })
    connections.set(purpose, connection)
  }
  return connection
}

app.terminating(async () => {
  const open = [...connections.values()]
  connections.clear()
  await Promise.all(open.map((connection) => connection.quit().catch(() => {})))
})
