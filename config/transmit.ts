import env from '#start/env'
import { redisKey } from '#services/db/redis_keys'
import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports/redis'

type RedisTransport = ReturnType<ReturnType<typeof redis>>

/**
 * Transmit subscribes to its Redis channel without awaiting it; a process
 * that stops soon after starting (every ace command) closes the connection
 * under that pending subscription, and the rejection would crash it. Once
 * closing, a failed subscription is expected and ignored.
 */
function closableRedis(options: Parameters<typeof redis>[0]) {
  const create = redis(options)
  return () => {
    const transport: RedisTransport = create()
    let closing = false
    const subscribe = transport.subscribe.bind(transport)
    const disconnect = transport.disconnect.bind(transport)
    transport.subscribe = (channel, handler) =>
      subscribe(channel, handler).catch((error) => {
        if (!closing) throw error
      })
    transport.disconnect = () => {
      closing = true
      return disconnect()
    }
    return transport
  }
}

/**
 * Server-sent events for live inboxes and delivery receipts. With several
 * processes (REDIS_HOST set), broadcasts travel over Redis so a browser
 * connected to one process hears what another process published.
 */
const redisHost = env.get('REDIS_HOST')

export default defineConfig({
  pingInterval: '30s',
  transport: redisHost
    ? {
        driver: closableRedis({ host: redisHost, port: env.get('REDIS_PORT', 6379) }),
        channel: redisKey('transmit'),
      }
    : null,
})
