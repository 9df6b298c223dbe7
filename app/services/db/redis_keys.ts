import env from '#start/env'

/**
 * Every Redis key and channel this instance uses starts with its prefix, so
 * instances sharing one Redis never read each other's sessions, pacing or
 * live updates. `REDIS_PREFIX` sets it; by default it names the database,
 * which instances never share.
 */
export function redisKey(name: string) {
  const prefix = env.get('REDIS_PREFIX') ?? `porchlight:${env.get('DB_DATABASE') ?? 'porchlight'}:`
  return `${prefix}${name}`
}
