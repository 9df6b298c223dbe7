/**
 * The row where each phone first appeared in a file, for a million phones
 * without a million heap objects: an open-addressing hash table over typed
 * arrays (E.164 digits fit a double exactly). A `Map` would allocate a boxed
 * number per entry and make the garbage collector work through all of them.
 */
export class PhoneRows {
  #keys = new Float64Array(1 << 16)
  #rows = new Uint32Array(1 << 16)
  #size = 0

  /** The row `phone` (E.164) was first seen on; records `row` when it is new. */
  firstRow(phone: string, row: number): number {
    const key = Number(phone.slice(1))
    if ((this.#size + 1) * 2 > this.#keys.length) this.#grow()
    const slot = this.#find(this.#keys, key)
    if (this.#keys[slot] === key) return this.#rows[slot]
    this.#keys[slot] = key
    this.#rows[slot] = row
    this.#size++
    return row
  }

  /** The slot holding `key`, or the empty slot where it belongs (0 marks empty). */
  #find(keys: Float64Array, key: number) {
    const mask = keys.length - 1
    let slot = (Math.imul((key % 4294967296) | 0, 0x9e3779b1) ^ Math.floor(key / 4294967296)) & mask
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask
    return slot
  }

  #grow() {
    const keys = this.#keys
    const rows = this.#rows
    this.#keys = new Float64Array(keys.length * 2)
    this.#rows = new Uint32Array(keys.length * 2)
    for (const [i, key] of keys.entries()) {
      if (key === 0) continue
      const slot = this.#find(this.#keys, key)
      this.#keys[slot] = key
      this.#rows[slot] = rows[i]
    }
  }
}
