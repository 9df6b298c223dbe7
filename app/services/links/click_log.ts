import { setImmediate } from 'node:timers/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { type CompiledWrite, sqliteWriterFor } from '#services/db/read_pool'
import { sqlTime } from '#services/db/sql_time'

/** How often counted hits are written; a clean shutdown writes the rest. */
const FLUSH_MS = 1_000
/**
 * Links written per transaction on the server's own connection (MySQL, or
 * SQLite inside tests' global transactions). On SQLite the driver runs each
 * statement to its end on this thread, so a second's writes in one go would
 * hold every redirect meanwhile; between short transactions the server
 * answers them.
 */
const WRITE_CHUNK = 5
/**
 * Links per transaction of SQLite's writer process: off the server's thread,
 * but short enough that the server's own writes seldom wait for its lock.
 */
const WORKER_CHUNK = 100

type Counts = {
  campaignContactId: number
  clicks: number
  previews: number
  first: Date | null
  last: Date | null
}

/**
 * Hits on short links, counted in memory and written once a second in short
 * transactions: one UPDATE per link hit since the last write, however many
 * times it was hit. The redirect never waits on a write. On SQLite the
 * writes are run by the database's writer process (sqliteWriterFor), whose
 * connection of its own waits for locks off the server's thread; on MySQL
 * through Lucid, whose driver does not hold the thread. Counts only ever
 * add up (every process adds its own), so they are exact with many
 * processes; a failed write puts its counts back for the next one, and the
 * application's shutdown writes whatever is left.
 */
class ClickLog {
  #pending = new Map<number, Counts>()
  #timer: NodeJS.Timeout | null = null
  #flushing: Promise<void> = Promise.resolve()

  record(linkId: number, campaignContactId: number, kind: 'click' | 'preview', at: Date) {
    const counts = this.#pending.get(linkId) ?? {
      campaignContactId,
      clicks: 0,
      previews: 0,
      first: null,
      last: null,
    }
    if (kind === 'preview') {
      counts.previews++
    } else {
      counts.clicks++
      counts.first ??= at
      counts.last = at
    }
    this.#pending.set(linkId, counts)
    this.#timer ??= setTimeout(() => {
      this.#timer = null
      this.flush().catch((error) => console.error('Link clicks not written yet:', error))
    }, FLUSH_MS).unref()
  }

  /** Writes every hit counted so far; resolves once they are in the database. */
  flush() {
    this.#flushing = this.#flushing.catch(() => {}).then(() => this.#write())
    return this.#flushing
  }

  async #write() {
    const batch = [...this.#pending]
    this.#pending = new Map()
    const writer = batch.length ? sqliteWriterFor() : null
    const size = writer ? WORKER_CHUNK : WRITE_CHUNK
    for (let start = 0; start < batch.length; start += size) {
      const chunk = batch.slice(start, start + size)
      try {
        if (writer) {
          await writer.write(chunk.flatMap(([linkId, counts]) => countWrites(linkId, counts)))
        } else {
          if (start) await setImmediate()
          await db.transaction(async (trx) => {
            for (const [linkId, counts] of chunk) await writeCounts(trx, linkId, counts)
          })
        }
      } catch (error) {
        for (const [linkId, counts] of batch.slice(start)) this.#putBack(linkId, counts)
        throw error
      }
    }
  }

  #putBack(linkId: number, counts: Counts) {
    const newer = this.#pending.get(linkId)
    if (!newer) return this.#pending.set(linkId, counts)
    newer.clicks += counts.clicks
    newer.previews += counts.previews
    newer.first = counts.first ?? newer.first
    newer.last = newer.last ?? counts.last
  }
}

/**
 * One link's counted hits as fixed SQL, valid on SQLite and MySQL: the
 * SQLite writer process prepares it once, and nothing is compiled on the
 * server's thread.
 */
function countWrites(
  linkId: number,
  { campaignContactId, clicks, previews, first, last }: Counts
): Array<CompiledWrite & { bindings: Array<string | number> }> {
  if (!clicks) {
    return [
      {
        sql: 'UPDATE tracked_links SET previews = previews + ? WHERE id = ?',
        bindings: [previews, linkId],
      },
    ]
  }
  const firstAt = sqlTime(first!)
  const lastAt = sqlTime(last!)
  return [
    {
      sql:
        'UPDATE tracked_links SET clicks = clicks + ?, previews = previews + ?, ' +
        'first_clicked_at = COALESCE(first_clicked_at, ?), ' +
        'last_clicked_at = CASE WHEN last_clicked_at IS NULL OR last_clicked_at < ? THEN ? ELSE last_clicked_at END ' +
        'WHERE id = ?',
      bindings: [clicks, previews, firstAt, lastAt, lastAt, linkId],
    },
    {
      sql:
        'UPDATE campaign_contacts SET first_clicked_at = ? ' +
        'WHERE id = ? AND (first_clicked_at IS NULL OR first_clicked_at > ?)',
      bindings: [firstAt, campaignContactId, firstAt],
    },
  ]
}

async function writeCounts(trx: TransactionClientContract, linkId: number, counts: Counts) {
  for (const { sql, bindings } of countWrites(linkId, counts)) await trx.rawQuery(sql, bindings)
}

export const clickLog = new ClickLog()

app.terminating(() => clickLog.flush())
