/**
 * Spaces sends out per key (a sender number, a campaign) so each key stays
 * under its texts-per-second rate. A send needing several keys waits for the
 * slowest and then takes a slot on each.
 */
export class Pacer {
  #nextFree = new Map<string, number>()

  /**
   * When a send under these keys may go (epoch ms), without reserving it.
   */
  slot(keys: Array<{ key: string; perSecond: number }>, now = Date.now()) {
    return Math.max(now, ...keys.map(({ key }) => this.#nextFree.get(key) ?? 0))
  }

  /**
   * Reserves the slot `slot()` found; returns it.
   */
  reserve(keys: Array<{ key: string; perSecond: number }>, now = Date.now()) {
    const at = this.slot(keys, now)
    for (const { key, perSecond } of keys) {
      if (perSecond > 0) this.#nextFree.set(key, at + 1000 / perSecond)
    }
    if (this.#nextFree.size > 10_000) this.#forgetPast(now)
    return at
  }

  #forgetPast(now: number) {
    for (const [key, at] of this.#nextFree) if (at < now) this.#nextFree.delete(key)
  }
}
