/*
| A pass-through TCP proxy in front of MySQL/MariaDB that counts the
| statements its clients send (COM_QUERY and COM_STMT_EXECUTE packets), by
| shape: literals become `?`, so one shape is one query of the code. Used by
| bench:scale's --count-queries to report queries per send of the web
| processes only (the workers connect to the database directly). The proxy
| runs in a worker thread, so it keeps forwarding while the benchmark's own
| thread waits on a command it runs synchronously.
*/
import { createServer, connect, type Socket } from 'node:net'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { once } from 'node:events'

const COM_QUERY = 0x03
const COM_STMT_EXECUTE = 0x17

type Target = { host: string; port: number }
type Counts = { total: number; shapes: Array<[string, number]> }

/** The statement's shape: string and number literals replaced, whitespace squeezed. */
export function shapeOf(sql: string) {
  return sql
    .replace(/'(?:[^'\\]|\\.)*'/g, '?')
    .replace(/\b\d+(?:\.\d+)?\b/g, '?')
    .replace(/\(\s*\?(?:\s*,\s*\?)*\s*\)/g, '(…)')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 160)
}

/** The proxy itself, in the worker thread: counts, and answers 'reset' and 'counts' messages. */
function serve(target: Target, port: number) {
  let shapes = new Map<string, number>()
  let total = 0
  const count = (packet: Buffer) => {
    total++
    const shape =
      packet[4] === COM_QUERY
        ? shapeOf(packet.subarray(5, Math.min(packet.length, 2000)).toString())
        : '(prepared statement)'
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1)
  }
  const pipe = (client: Socket) => {
    const server = connect(target.port, target.host)
    let pending: Buffer = Buffer.alloc(0)
    client.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
      // Whole packets only: 3-byte length, sequence number, payload; a command has sequence 0.
      while (pending.length >= 4) {
        const length = pending.readUIntLE(0, 3)
        if (pending.length < 4 + length) break
        if (pending[3] === 0 && (pending[4] === COM_QUERY || pending[4] === COM_STMT_EXECUTE)) {
          count(pending.subarray(0, 4 + length))
        }
        pending = pending.subarray(4 + length)
      }
      server.write(chunk)
    })
    server.pipe(client)
    const close = () => {
      client.destroy()
      server.destroy()
    }
    client.on('error', close).on('close', close)
    server.on('error', close).on('close', close)
  }
  createServer(pipe).listen(port, '127.0.0.1', () => parentPort!.postMessage('listening'))
  parentPort!.on('message', (message: string) => {
    if (message === 'reset') {
      shapes = new Map()
      total = 0
    }
    parentPort!.postMessage({ total, shapes: [...shapes] } satisfies Counts)
  })
}

if (!isMainThread && workerData?.queryCounter) serve(workerData.target, workerData.port)

export class QueryCounter {
  #worker: Worker | null = null
  #target: Target
  #port: number

  constructor(target: Target, port: number) {
    this.#target = target
    this.#port = port
  }

  async start() {
    this.#worker = new Worker(new URL(import.meta.url), {
      workerData: { queryCounter: true, target: this.#target, port: this.#port },
    })
    await once(this.#worker, 'message')
  }

  async stop() {
    await this.#worker?.terminate()
  }

  async #ask(message: 'reset' | 'counts') {
    this.#worker!.postMessage(message)
    const [counts] = await once(this.#worker!, 'message')
    return counts as Counts
  }

  async reset() {
    await this.#ask('reset')
  }

  /** Statements counted since the last reset, and the most frequent shapes per `per` (sends, say). */
  async counts(per: number, limit = 40) {
    const { total, shapes } = await this.#ask('counts')
    const top = shapes
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([shape, count]) => `${(count / per).toFixed(2).padStart(6)}  ${shape}`)
    return { total, top }
  }
}
