/*
| What the messaging benchmarks share: a throwaway instance on loopback
| (production build, fresh SQLite DATA_DIR under the system temp folder),
| an owner with an API token, and bounded concurrent request loops.
*/
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { Agent, request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type Database from 'better-sqlite3'

export const root = fileURLToPath(new URL('../', import.meta.url))

export type Instance = {
  baseUrl: string
  dataDir: string
  env: NodeJS.ProcessEnv
  child: ChildProcess
  output: string[]
}

export function log(message: string) {
  process.stderr.write(`${message}\n`)
}

/**
 * Starts `node bin/start.js` (migrations, then the production server) in its
 * own process group on 127.0.0.1:`port`, with a fresh DATA_DIR.
 */
export async function startInstance(port: number, extraEnv: NodeJS.ProcessEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'porchlight-bench-'))
  const baseUrl = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: baseUrl,
    DATA_DIR: dataDir,
    DB_CONNECTION: 'sqlite',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  }
  const child = spawn(process.execPath, ['bin/start.js'], { cwd: root, env, detached: true })
  const output: string[] = []
  child.stdout!.on('data', (chunk) => output.push(String(chunk)))
  child.stderr!.on('data', (chunk) => output.push(String(chunk)))
  if (process.env.BENCH_SERVER_LOG) {
    const { createWriteStream } = await import('node:fs')
    const file = createWriteStream(process.env.BENCH_SERVER_LOG)
    child.stdout!.pipe(file)
    child.stderr!.pipe(file)
  }
  const instance = { baseUrl, dataDir, env, child, output }

  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    const healthy = await fetch(`${baseUrl}/health`)
      .then((response) => response.status === 200)
      .catch(() => false)
    if (healthy) return instance
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stopInstance(instance)
  throw new Error(`The instance did not start:\n${output.join('')}`)
}

export async function stopInstance(instance: Instance) {
  const { child } = instance
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(-child.pid!, 'SIGTERM')
    const forced = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 60_000)
    await exited
    clearTimeout(forced)
  }
  rmSync(instance.dataDir, { recursive: true, force: true })
}

function ace(instance: Instance, args: string[]) {
  const result = spawnSync(process.execPath, ['ace.js', ...args], {
    cwd: root,
    env: instance.env,
    encoding: 'utf8',
  })
  if (result.status !== 0)
    throw new Error(
      `node ace ${args[0]} failed:\n${result.stderr || result.stdout || result.signal}`
    )
  return result.stdout.trim().split('\n').at(-1)!.trim()
}

/**
 * An organization, its owner and an API token, made the headless way.
 */
export function createOwnerToken(instance: Instance) {
  const email = 'bench@example.org'
  const slug = ace(instance, [
    'users:create-owner',
    '--email',
    email,
    '--password',
    'bench-password-123',
    '--org',
    'Bench',
  ])
  return ace(instance, ['tokens:create', '--email', email, '--org', slug])
}

export async function api(
  instance: Pick<Instance, 'baseUrl'>,
  token: string,
  path: string,
  body: unknown
): Promise<any> {
  const response = await fetch(`${instance.baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 })

/**
 * Runs `send` again when the kept-alive connection it went out on was closed
 * as it was reused (ECONNRESET), up to `attempts` times in all; `onReset` is
 * told of each. Only for requests that may be repeated.
 */
export async function resendOnReset<T>(send: () => Promise<T>, onReset: () => void, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send()
    } catch (error) {
      if (attempt >= attempts || (error as { code?: string }).code !== 'ECONNRESET') throw error
      onReset()
    }
  }
}

/**
 * A POST over a pool of kept-alive connections (lighter on the client than
 * fetch, so the client's own CPU does not limit what is measured).
 */
export function post(url: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() })
      )
      response.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * Runs `task(0…count-1)` with `concurrency` in flight; returns each call's
 * duration in milliseconds and the whole run's.
 */
export async function runConcurrently(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>
) {
  const durations = new Array<number>(count)
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++
        const t0 = performance.now()
        await task(index)
        durations[index] = performance.now() - t0
      }
    })
  )
  return { durations, elapsedMs: performance.now() - started }
}

export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits))

/**
 * A bench's command line: `--<sizeOption> N` (at least `minimum`, a million by
 * default) and `--port P`.
 */
export function sizeAndPort(sizeOption: string, minimum: number, defaultPort: string) {
  const { values } = parseArgs({
    options: {
      [sizeOption]: { type: 'string', default: '1000000' },
      port: { type: 'string', default: defaultPort },
    },
  })
  const size = Number(values[sizeOption])
  if (!Number.isInteger(size) || size < minimum)
    throw new Error(`--${sizeOption} must be an integer of at least ${minimum}`)
  return { size, port: Number(values.port) }
}

/**
 * Adds `count` active texters to the organization, sharing the owner's
 * password hash, and returns their user ids. Runs inside the caller's
 * transaction.
 */
export function seedTexters(
  db: Database.Database,
  {
    org,
    password,
    now,
    count,
    emailPrefix,
  }: {
    org: number
    password: string
    now: string
    count: number
    emailPrefix: string
  }
) {
  const user = db.prepare(
    'INSERT INTO users (full_name, email, password, created_at) VALUES (?, ?, ?, ?)'
  )
  const membership = db.prepare(
    `INSERT INTO memberships (organization_id, user_id, role, status, created_at) VALUES (?, ?, 'texter', 'active', ?)`
  )
  const texters: number[] = []
  for (let index = 0; index < count; index++) {
    const { lastInsertRowid } = user.run(
      `Texter ${index}`,
      `${emailPrefix}${index}@example.org`,
      password,
      now
    )
    membership.run(org, lastInsertRowid, now)
    texters.push(Number(lastInsertRowid))
  }
  return texters
}
