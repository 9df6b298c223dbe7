import env from '#start/env'
import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports/redis'

/**
 * Server-sent events for live inboxes and delivery receipts. With several
 * processes (REDIS_HOST set), broadcasts travel over Redis so a browser
 * connected to one process hears what another process published.
 */
const redisHost = env.get('REDIS_HOST')

export default defineConfig({
  pingInterval: '30s',
  transport: redisHost
    ? { driver: redis({ host: redisHost, port: env.get('REDIS_PORT', 6379) }) }
    : null,
})
