import { setImmediate } from 'node:timers/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { sqlTime } from '#services/db/sql_time'

/** How often counted hits are written; a clean shutdown writes the rest. */
const FLUSH_MS = 1_000
/**
 * Links written per transaction. SQLite's driver runs each statement to its
 * end on this thread, so a second's writes in one go would hold every
 * redirect meanwhile; between short transactions the server answers them.
 */
const WRITE_CHUNK = 5

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
 * times it was hit. The redirect never waits on a write. Counts only ever
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
    for (let start = 0; start < batch.length; start += WRITE_CHUNK) {
      if (start) await setImmediate()
      const chunk = batch.slice(start, start + WRITE_CHUNK)
      try {
        await db.transaction(async (trx) => {
          for (const [linkId, counts] of chunk) await writeCounts(trx, linkId, counts)
        })
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

async function writeCounts(
  trx: TransactionClientContract,
  linkId: number,
  { campaignContactId, clicks, previews, first, last }: Counts
) {
  if (!clicks) {
    await trx.from('tracked_links').where('id', linkId).increment('previews', previews)
    return
  }
  const firstAt = sqlTime(first!)
  const lastAt = sqlTime(last!)
  await trx
    .from('tracked_links')
    .where('id', linkId)
    .update({
      clicks: trx.raw('clicks + ?', [clicks]),
      previews: trx.raw('previews + ?', [previews]),
      first_clicked_at: trx.raw('COALESCE(first_clicked_at, ?)', [firstAt]),
      last_clicked_at: trx.raw(
        'CASE WHEN last_clicked_at IS NULL OR last_clicked_at < ? THEN ? ELSE last_clicked_at END',
        [lastAt, lastAt]
      ),
    })
  await trx
    .from('campaign_contacts')
    .where('id', campaignContactId)
    .where((earlier) =>
      earlier.whereNull('first_clicked_at').orWhere('first_clicked_at', '>', firstAt)
    )
    .update({ first_clicked_at: firstAt })
}

export const clickLog = new ClickLog()

app.terminating(() => clickLog.flush())
