/*
| Every environment variable the application reads is declared here, once.
*/
import { Env } from '@adonisjs/core/env'
import { ensureAppKey } from './app_key.js'
import { parseTrustProxy } from './trusted_proxies.js'

const APP_ROOT = new URL('../', import.meta.url)

await ensureAppKey(APP_ROOT)

export default await Env.create(APP_ROOT, {
  NODE_ENV: Env.schema.enum.optional(['development', 'production', 'test'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  APP_KEY: Env.schema.secret(),
  LOG_LEVEL: Env.schema.string.optional(),
  DATA_DIR: Env.schema.string.optional(),

  SESSION_DRIVER: Env.schema.enum.optional(['database', 'redis', 'memory'] as const),

  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'mysql'] as const),
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),
  DB_READ_WORKERS: Env.schema.number.optional(),
  DB_READ_TIMEOUT: Env.schema.number.optional(),

  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PREFIX: Env.schema.string.optional(),

  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  MAIL_FROM: Env.schema.string.optional(),

  TRUST_PROXY: parseTrustProxy,

  DISPATCHER_IN_PROCESS: Env.schema.boolean.optional(),

  // Outbound webhooks may target loopback/private/link-local addresses (a CRM on the LAN).
  WEBHOOKS_ALLOW_PRIVATE: Env.schema.boolean.optional(),

  // /metrics answers only with `Authorization: Bearer <METRICS_TOKEN>`; unset, it is off.
  METRICS_TOKEN: Env.schema.string.optional(),

  // Set by `node ace serve` and `node ace test` when pages come from the Vite dev server.
  DEV_MODE: Env.schema.boolean.optional(),
  VITE_HMR_PORT: Env.schema.number.optional(),

  // Where media files live; "fs" (under DATA_DIR/media) is the only disk for now.
  DRIVE_DISK: Env.schema.enum.optional(['fs'] as const),
})
