import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import { forUpdate } from '#services/db/row_locks'
import { redisConnection } from '#services/db/redis_connection'
import { redisKey } from '#services/db/redis_keys'

/** A rate a send must keep: texts per second under one key (a sender number, a campaign). */
export type PacingKey = { key: string; perSecond: number }
/** When a send may go (epoch ms), and whether that slot is now its own. */
export type PacingSlot = { at: number; reserved: boolean }

/**
 * Milliseconds between two sends under a key, rounded up so the rate is
 * never exceeded (3 a second: 334 ms apart).
 */
const intervalOf = (perSecond: number) => (perSecond > 0 ? Math.ceil(1000 / perSecond) : 0)

/**
 * Spaces sends out per key so each key stays under its rate, however many
 * dispatchers share it: a send needing several keys waits for the slowest,
 * then takes a slot on each. `reserve` answers each send's slot in order;
 * one further off than `maxWaitMs` is not reserved (the send goes back to
 * the queue, due then). The state is shared: Redis when REDIS_HOST is set,
 * else the `pacing_slots` table.
 */
export interface Pacer {
  reserve(sends: PacingKey[][], now: number, maxWaitMs: number): Promise<PacingSlot[]>
}

/** The slots of `sends` given when each key is next free; updates `nextFree`. */
function allot(
  sends: PacingKey[][],
  nextFree: Map<string, number>,
  now: number,
  maxWaitMs: number
): PacingSlot[] {
  return sends.map((keys) => {
    const at = Math.max(now, ...keys.map(({ key }) => nextFree.get(key) ?? 0))
    if (at - now > maxWaitMs) return { at, reserved: false }
    for (const { key, perSecond } of keys) {
      const interval = intervalOf(perSecond)
      if (interval) nextFree.set(key, at + interval)
    }
    return { at, reserved: true }
  })
}

/** Pacing slots in the database: the keys' rows are locked while the slots are handed out. */
export class DatabasePacer implements Pacer {
  async reserve(sends: PacingKey[][], now: number, maxWaitMs: number) {
    const keys = [...new Set(sends.flatMap((send) => send.map(({ key }) => key)))].sort()
    if (!keys.length) return allot(sends, new Map(), now, maxWaitMs)
    const known = await db.from('pacing_slots').whereIn('key', keys).select('key')
    const missing = keys.filter((key) => !known.some((row) => row.key === key))
    // Created outside the locking transaction: an insert there would take a shared lock first.
    if (missing.length) {
      await db
        .connection()
        .knexQuery()
        .table('pacing_slots')
        .insert(missing.map((key) => ({ key, next_free_at: 0 })))
        .onConflict('key')
        .ignore()
    }
    return db.transaction(async (trx) => {
      const rows = await forUpdate(
        trx.from('pacing_slots').whereIn('key', keys).orderBy('key').select('key', 'next_free_at')
      )
      const before = new Map(rows.map((row) => [row.key as string, Number(row.next_free_at)]))
      const nextFree = new Map(before)
      const slots = allot(sends, nextFree, now, maxWaitMs)
      for (const [key, at] of nextFree) {
        if (at !== before.get(key)) {
          await trx.from('pacing_slots').where('key', key).update({ next_free_at: at })
        }
      }
      return slots
    })
  }
}

/**
 * Hands out the slots of a batch of sends in one step. KEYS: the pacing keys;
 * ARGV: the sends (JSON: per send, [key index, interval ms] pairs), now,
 * the longest wait. Answers each send's slot, negative when not reserved.
 */
const RESERVE_SCRIPT = `
local sends = cjson.decode(ARGV[1])
local now = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local nextFree = {}
for i, key in ipairs(KEYS) do nextFree[i] = tonumber(redis.call('GET', key) or '0') end
local changed = {}
local out = {}
for _, send in ipairs(sends) do
  local at = now
  for _, pair in ipairs(send) do
    if nextFree[pair[1]] > at then at = nextFree[pair[1]] end
  end
  if at - now > maxWait then
    out[#out + 1] = -at
  else
    for _, pair in ipairs(send) do
      if pair[2] > 0 then
        nextFree[pair[1]] = at + pair[2]
        changed[pair[1]] = true
      end
    end
    out[#out + 1] = at
  end
end
for i in pairs(changed) do
  redis.call('SET', KEYS[i], string.format('%d', nextFree[i]), 'PX', nextFree[i] - now + 60000)
end
return out
`

/** Pacing slots in Redis: one script hands out a batch's slots atomically. */
export class RedisPacer implements Pacer {
  #prefix: string

  constructor(prefix = redisKey('pace:')) {
    this.#prefix = prefix
  }

  async reserve(sends: PacingKey[][], now: number, maxWaitMs: number) {
    const keys = [...new Set(sends.flatMap((send) => send.map(({ key }) => key)))]
    if (!keys.length) return allot(sends, new Map(), now, maxWaitMs)
    const index = new Map(keys.map((key, position) => [key, position + 1]))
    const encoded = sends.map((send) =>
      send.map(({ key, perSecond }) => [index.get(key)!, intervalOf(perSecond)])
    )
    const answers = (await redisConnection().eval(
      RESERVE_SCRIPT,
      keys.length,
      ...keys.map((key) => this.#prefix + key),
      JSON.stringify(encoded),
      String(Math.floor(now)),
      String(maxWaitMs)
    )) as number[]
    return answers.map((answer) => ({ at: Math.abs(answer), reserved: answer >= 0 }))
  }
}

/** The pacer every dispatcher in this deployment shares. */
export function sharedPacer(): Pacer {
  return env.get('REDIS_HOST') ? new RedisPacer() : new DatabasePacer()
}
