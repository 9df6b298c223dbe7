import { type ChildProcess, fork } from 'node:child_process'
import { setPriority } from 'node:os'
import { fileURLToPath } from 'node:url'
import SlowReadException from '#exceptions/slow_read_exception'
import type { CompiledRead, CompiledWrite, ReadPoolContract } from '#services/db/read_pool'

/** The reader's own script (plain JavaScript: see there). */
const WORKER_FILE = fileURLToPath(new URL('./read_worker.js', import.meta.url))

export type WorkerReadPoolOptions = {
  /** How many reader processes at most. */
  size: number
  /** How long a read may run. */
  timeLimitMs: number
  /** How long a read may wait for a free reader. */
  waitLimitMs: number
  /** A reader left idle this long ends (the next read starts one again). */
  idleMs: number
  /**
   * The pool's processes open the file read-write and also run writes
   * (`write`), waiting up to this long for another connection's write lock.
   * A writer pool has one process, so writes are committed in the order given.
   */
  writeBusyTimeoutMs?: number
}

/**
 * Lowers a process's CPU priority (nice 10). Lowering one's own child is
 * allowed everywhere; where the platform refuses, the reader simply keeps
 * the normal priority.
 */
function lowerPriority(pid: number) {
  try {
    setPriority(pid, 10)
  } catch {}
}

type Job = {
  id: number
  read?: CompiledRead
  writes?: readonly CompiledWrite[]
  resolve(result: unknown): void
  reject(error: unknown): void
  timer?: NodeJS.Timeout
}

type Reader = {
  child: ChildProcess
  state: 'starting' | 'ready' | 'stopping'
  job: Job | null
  idleTimer?: NodeJS.Timeout
  /** Why it could not open the database, when it could not. */
  failure?: string
}

/** Rows as the reader sends them: one array of values per column. */
type Columns = { names: string[]; values: unknown[][]; count: number }

/** The rows again, as objects keyed by column name (a later column of the same name wins). */
function rowsOf({ names, values, count }: Columns) {
  const rows = Array.from({ length: count }, () => ({}) as Record<string, unknown>)
  names.forEach((name, column) => {
    const cells = values[column]
    for (let index = 0; index < count; index++) rows[index][name] = cells[index]
  })
  return rows
}

type Answer =
  | { ready: true }
  | { failed: string }
  | { id: number; columns: Columns }
  | { id: number; changes: number }
  | { id: number; error: { message: string; code?: string } }

/**
 * Heavy SQLite reads, run by a few reader processes with read-only
 * connections of their own to the same file (WAL lets them read while the
 * server writes), so the server's thread never waits for them. A read that
 * outlives the time limit is answered "too slow" at once and its reader is
 * killed — better-sqlite3 cannot interrupt a statement, and a terminated
 * worker thread would keep running it to the end — and a new reader starts
 * when one is needed. A read that cannot get a reader within the wait limit
 * is answered "busy".
 *
 * Started with `writeBusyTimeoutMs`, the pool is a writer instead (size 1):
 * its process has a read-write connection of its own (WAL, a busy timeout)
 * and runs each `write` as one transaction, so better-sqlite3's synchronous
 * writes, and its waits for the server's own write lock, happen off the
 * server's thread. A write has no time limit — killing it could leave the
 * caller not knowing whether it was committed — the busy timeout bounds its
 * wait for a lock; closing the pool lets queued writes finish first.
 */
export class WorkerReadPool implements ReadPoolContract {
  #readers = new Set<Reader>()
  #queue: Job[] = []
  #nextId = 1
  #closed = false
  #answered = 0
  /** Writes not answered yet: closing waits for them. */
  #writes = new Set<Promise<number>>()

  constructor(
    readonly filename: string,
    readonly options: WorkerReadPoolOptions
  ) {}

  /** How many reader processes are running (for tests and diagnostics). */
  get readers() {
    return this.#readers.size
  }

  /** How many reads the readers have answered (rows or an error). */
  get answered() {
    return this.#answered
  }

  all<Row>(read: CompiledRead) {
    return this.#queued<Row[]>({ read })
  }

  /**
   * Runs `writes` in one transaction (a writer pool only); resolves with the
   * rows they changed once committed, rejects with nothing of them written.
   */
  write(writes: readonly CompiledWrite[]) {
    if (!this.#writable) return Promise.reject(new Error('This pool only reads'))
    const done = this.#queued<number>({ writes })
    this.#writes.add(done)
    const settled = () => void this.#writes.delete(done)
    done.then(settled, settled)
    return done
  }

  #queued<Result>(work: Pick<Job, 'read' | 'writes'>) {
    if (this.#closed) return Promise.reject(new Error('The read pool is closed'))
    return new Promise<Result>((resolve, reject) => {
      const job: Job = { id: this.#nextId++, ...work, resolve: resolve as Job['resolve'], reject }
      this.#waitForReader(job)
      this.#queue.push(job)
      this.#drain()
    })
  }

  /**
   * Gives up on a queued read after the wait limit: readers are all busy.
   * A reader still starting does not count (it is ready or failed soon).
   */
  #waitForReader(job: Job) {
    job.timer = setTimeout(() => {
      if ([...this.#readers].some((reader) => reader.state === 'starting')) {
        return this.#waitForReader(job)
      }
      this.#queue.splice(this.#queue.indexOf(job), 1)
      job.reject(new SlowReadException('busy', this.options.waitLimitMs))
    }, this.options.waitLimitMs)
  }

  async close() {
    this.#closed = true
    await Promise.allSettled([...this.#writes])
    for (const job of this.#queue.splice(0)) {
      clearTimeout(job.timer)
      job.reject(new Error('The read pool is closed'))
    }
    for (const reader of this.#readers) this.#stop(reader)
  }

  /** Hands queued reads to free readers, starting readers as needed. */
  #drain() {
    for (const reader of this.#readers) {
      if (!this.#queue.length) return
      if (reader.state === 'ready' && !reader.job) this.#run(reader, this.#queue.shift()!)
    }
    const starting = [...this.#readers].filter((reader) => reader.state === 'starting').length
    const size = this.#writable ? 1 : this.options.size
    let wanted = Math.min(this.#queue.length - starting, size - this.#readers.size)
    while (wanted-- > 0) this.#start()
  }

  get #writable() {
    return this.options.writeBusyTimeoutMs !== undefined
  }

  #start() {
    const args = this.#writable
      ? [this.filename, String(this.options.writeBusyTimeoutMs), 'write']
      : [this.filename, String(this.options.timeLimitMs)]
    const child = fork(WORKER_FILE, args, {
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    // The server's own thread gets the CPU first: it answers every request.
    if (child.pid) lowerPriority(child.pid)
    // Readers never keep the server (or a command) alive; a pending read's timer does.
    child.unref()
    child.channel?.unref()
    const reader: Reader = { child, state: 'starting', job: null }
    this.#readers.add(reader)
    child.on('message', (answer: Answer) => this.#answer(reader, answer))
    child.on('error', (error) => {
      reader.failure ??= error.message
      // A process that never started emits no exit.
      if (child.pid === undefined) this.#exited(reader, 'not started')
    })
    child.on('exit', (code, signal) => this.#exited(reader, signal ?? `code ${code}`))
  }

  #run(reader: Reader, job: Job) {
    clearTimeout(job.timer)
    clearTimeout(reader.idleTimer)
    reader.job = job
    if (job.writes) return reader.child.send({ id: job.id, writes: job.writes })
    reader.child.send({ id: job.id, sql: job.read!.sql, bindings: job.read!.bindings })
    job.timer = setTimeout(() => {
      reader.job = null
      this.#stop(reader)
      job.reject(new SlowReadException('too_slow', this.options.timeLimitMs))
      this.#drain()
    }, this.options.timeLimitMs)
  }

  #answer(reader: Reader, answer: Answer) {
    if ('ready' in answer) {
      reader.state = 'ready'
      this.#rest(reader)
    } else if ('failed' in answer) {
      reader.failure = answer.failed
    } else if (reader.job?.id === answer.id) {
      const job = reader.job
      clearTimeout(job.timer)
      reader.job = null
      this.#answered++
      if ('columns' in answer) job.resolve(rowsOf(answer.columns))
      else if ('changes' in answer) job.resolve(answer.changes)
      else job.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }))
      this.#rest(reader)
    }
  }

  /** A reader that became free takes the next read, or ends after a while without one. */
  #rest(reader: Reader) {
    if (this.#queue.length) return this.#drain()
    reader.idleTimer = setTimeout(() => this.#stop(reader), this.options.idleMs).unref()
  }

  #stop(reader: Reader) {
    reader.state = 'stopping'
    clearTimeout(reader.idleTimer)
    reader.child.kill('SIGKILL')
  }

  #exited(reader: Reader, how: string) {
    if (!this.#readers.delete(reader)) return
    const { job, state } = reader
    if (job) {
      clearTimeout(job.timer)
      job.reject(new Error(`The database reader stopped (${how})`))
    }
    // A reader that never got ready will not be the last to fail: tell the waiting reads why.
    if (state === 'starting') {
      const reason = reader.failure ?? how
      for (const queued of this.#queue.splice(0)) {
        clearTimeout(queued.timer)
        queued.reject(new Error(`The database reader could not start: ${reason}`))
      }
    }
    this.#drain()
  }
}
