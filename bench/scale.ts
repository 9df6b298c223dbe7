/*
| Scale-out on MySQL/MariaDB and Redis: N web processes behind HAProxy
| (round robin, no sticky sessions) and M `node ace jobs:work` workers, one
| database, one Redis. 1,000 texters, each signed in with their own session
| and CSRF token, send a launched campaign's first texts through the send
| screen's endpoints (bench:send's texter, with its repeated presses) while
| fake-carrier signed inbound webhooks arrive through the same balancer.
| The same run is made with one web process first, so the scaling ratio is
| measured side by side. Afterwards the database must hold exactly one first
| text per contact and a message for every answered send.
| Prints progress to stderr and one JSON line last:
|   {"webProcesses","workers","texters","sendsPerSecond","p50Ms","p95Ms","p99Ms",
|    "duplicates","lost","singleProcessSendsPerSecond","scaling", ...}
|
|   npm run bench:scale -- [--web 2] [--workers 1] [--texters 1000] [--sends 5000]
|                          [--think-ms 3000] [--webhooks-per-second 20] [--db-ceiling]
|                          [--count-queries] [--cpu-profile DIR]
|                          [--port 3940] [--database pl_bench_scale]
|
| The load: each texter presses Send, then reads the next card for --think-ms
| (±50%, so 1.5–4.5 s at the default 3000: some 20 texts a minute, a brisk
| volunteer) before the next press. 1,000 texters therefore offer about 330
| sends a second, and the latencies say how quickly a press is answered at
| that load. --think-ms 0 is a closed loop at full speed instead: the most
| sends a second the cluster takes, where latency is mostly queueing. With a
| think time, texters come in over the first one, as a shift fills up.
|
| Each run also gives cpuMsPerSend: the CPU time per answered send of each
| part — web processes (also webCpuMsPerSend: card fetches, claims and
| webhooks included, so --webhooks-per-second 0 isolates the send path),
| workers, the database server, Redis, HAProxy, this load generator, and the
| machine as a whole — with machineBusyPercent, so a run says where the CPU
| went and whether the machine was the limit.
| --count-queries puts a counting proxy between the web processes and the
| database and logs queriesPerSend with the most frequent statements per
| send; --cpu-profile DIR writes each web process's V8 CPU profile there
| (node --cpu-prof). Both cost some CPU themselves: leave them out of the
| figures that are reported. --port P uses P for HAProxy, P+1 for the carrier
| stand-in, P+2 for the counting proxy and P+10… for the web processes.
|
| --db-ceiling adds dbCeilingWritesPerSecond: the send's writes (a message row,
| with its counter triggers, and the contact marked sent, in one transaction)
| made straight on MariaDB at the same concurrency as the run's in-flight
| sends, without the app, so the figures say whether the database is the limit.
| Needs haproxy (Debian package), MariaDB on 127.0.0.1:3306 (root, no password;
| it creates and drops the database pl_bench_scale) and Redis on 127.0.0.1:6379.
*/
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import mysql from 'mysql2/promise'
import { signedHeaders } from '../app/services/fake_carrier/signature.ts'
import {
  createOwnerToken,
  log,
  percentile,
  post,
  resendOnReset,
  root,
  round,
  runConcurrently,
  startInstance,
  stopInstance,
  type Instance,
} from './support.ts'
import {
  Browser,
  OUTBOUND_TEXTS_SQL,
  SENDERS,
  SendRun,
  closeConnections,
  createAccountAndList,
  launchCampaign,
  phone,
  sqlTime,
  startCarrier,
  zoneInsideTextingHours,
} from './texting.ts'
import { QueryCounter } from './query_counter.ts'

const { values: options } = parseArgs({
  options: {
    'web': { type: 'string', default: '2' },
    'workers': { type: 'string', default: '1' },
    'texters': { type: 'string', default: '1000' },
    'sends': { type: 'string', default: '5000' },
    'think-ms': { type: 'string', default: '3000' },
    'webhooks-per-second': { type: 'string', default: '20' },
    'db-ceiling': { type: 'boolean', default: false },
    'count-queries': { type: 'boolean', default: false },
    'cpu-profile': { type: 'string' },
    'port': { type: 'string', default: '3940' },
    'database': { type: 'string', default: 'pl_bench_scale' },
  },
})
const WEB = Number(options.web)
const WORKERS = Number(options.workers)
const TEXTERS = Number(options.texters)
const SENDS = Number(options.sends)
const THINK_MS = Number(options['think-ms'])
const WEBHOOKS_PER_SECOND = Number(options['webhooks-per-second'])
/** Webhooks in flight at once; each sender waits its turn to hold the rate. */
const WEBHOOK_CONCURRENCY = 10

const BALANCER_PORT = Number(options.port)
const CARRIER_PORT = BALANCER_PORT + 1
const COUNTER_PORT = BALANCER_PORT + 2
const FIRST_WEB_PORT = BALANCER_PORT + 10
const DATABASE = options.database!
const counter = options['count-queries']
  ? new QueryCounter({ host: '127.0.0.1', port: 3306 }, COUNTER_PORT)
  : null
/** Small batches, so a thousand texters all get contacts without a huge audience. */
const BATCH_SIZE = 5
/** Contacts left untouched by the texters, for the database-only measurement. */
const CEILING_ROWS = 2000
const CONTACTS = Math.ceil(SENDS * 1.1) + TEXTERS * BATCH_SIZE + CEILING_ROWS
const buildDir = join(root, 'build')

const sqlOptions = { host: '127.0.0.1', port: 3306, user: 'root' }

/* --------------------------------------------------------- processes ---- */

type Cluster = {
  baseUrl: string
  webs: Instance[]
  workers: ChildProcess[]
  balancer: ChildProcess
  balancerDir: string
  /** The environment of a process that reaches the database directly, unprofiled. */
  directEnv: NodeJS.ProcessEnv
}

function spawnGroup(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: 'ignore' })
  child.on('exit', (code, signal) => {
    if (code && !signal) log(`${command} ${args.join(' ')} exited with ${code}`)
  })
  return child
}

async function stopGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid!, 'SIGTERM')
  const forced = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 30_000)
  await exited
  clearTimeout(forced)
}

/** HAProxy in front of the web processes: round robin per request, no stickiness. */
function startBalancer(ports: number[]) {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-haproxy-'))
  const config = join(dir, 'haproxy.cfg')
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 4096',
      'defaults',
      '  mode http',
      '  timeout connect 5s',
      // Longer than the setup's synchronous commands: a kept-alive connection closed while the
      // benchmark waited on one would be reused before its close was seen.
      '  timeout client 10m',
      '  timeout server 10m',
      '  option http-keep-alive',
      `frontend porchlight`,
      `  bind 127.0.0.1:${BALANCER_PORT}`,
      '  default_backend web',
      'backend web',
      '  balance roundrobin',
      ...ports.map((port, index) => `  server web${index} 127.0.0.1:${port} maxconn 1000`),
      '',
    ].join('\n')
  )
  return { dir, child: spawnGroup('haproxy', ['-f', config, '-db'], dir, process.env) }
}

/**
 * A web process. Migrations take a lock on the database server that other
 * databases' migrations share, so a start that lost it is tried again.
 */
async function startWeb(port: number, env: NodeJS.ProcessEnv) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startInstance(port, env)
    } catch (error) {
      if (attempt === 5 || !String(error).includes('database lock')) throw error
      log(`Migrations waited on another run's lock; trying again (${attempt})…`)
      await new Promise((resolve) => setTimeout(resolve, 15_000))
    }
  }
}

async function startCluster(web: number, workers: number): Promise<Cluster> {
  const env: NodeJS.ProcessEnv = {
    DB_CONNECTION: 'mysql',
    DB_HOST: '127.0.0.1',
    DB_PORT: '3306',
    DB_USER: 'root',
    DB_DATABASE: DATABASE,
    REDIS_HOST: '127.0.0.1',
    APP_KEY: randomBytes(32).toString('base64url'),
    DISPATCHER_IN_PROCESS: 'false',
    APP_URL: `http://127.0.0.1:${BALANCER_PORT}`,
  }
  const profile = options['cpu-profile']
  const webEnv: NodeJS.ProcessEnv = {
    ...env,
    ...(counter ? { DB_PORT: String(COUNTER_PORT) } : {}),
    ...(profile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profile}` } : {}),
  }
  // One at a time: the first runs the migrations, the others find nothing to do.
  const webs: Instance[] = []
  for (let index = 0; index < web; index++) {
    webs.push(await startWeb(FIRST_WEB_PORT + index, webEnv))
  }
  // Workers reach the database directly and are not profiled.
  const directEnv = { ...env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' }
  const workerEnv = { ...webs[0].env, ...directEnv, PORT: String(FIRST_WEB_PORT + web) }
  const started = Array.from({ length: workers }, () =>
    spawnGroup(process.execPath, ['ace.js', 'jobs:work'], buildDir, workerEnv)
  )
  const balancer = startBalancer(webs.map((_, index) => FIRST_WEB_PORT + index))
  const baseUrl = `http://127.0.0.1:${BALANCER_PORT}`
  const deadline = Date.now() + 30_000
  while (
    !(await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false
    ))
  ) {
    if (Date.now() > deadline) throw new Error('HAProxy did not answer')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    baseUrl,
    webs,
    workers: started,
    balancer: balancer.child,
    balancerDir: balancer.dir,
    directEnv,
  }
}

async function stopCluster(cluster: Cluster) {
  // What the web processes logged as errors, so a failed request can be explained.
  for (const web of cluster.webs) {
    const errors = web.output
      .join('')
      .split('\n')
      .filter((line) => /"level":50/.test(line))
    for (const line of errors.slice(0, 3)) log(line.slice(0, 600))
  }
  await stopGroup(cluster.balancer)
  await Promise.all(cluster.workers.map(stopGroup))
  await Promise.all(cluster.webs.map(stopInstance))
  rmSync(cluster.balancerDir, { recursive: true, force: true })
}

/** Each process's CPU time (user and system) so far, in milliseconds, with its group and name. */
function processesCpu() {
  const processes: Array<{ group: number; name: string; ms: number }> = []
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue // ended meanwhile
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    // After the command's closing parenthesis: state, ppid, pgrp, …, utime (14th), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // Linux reports these in clock ticks of 1/100 s.
    processes.push({
      group: Number(fields[2]),
      name,
      ms: (Number(fields[11]) + Number(fields[12])) * 10,
    })
  }
  return processes
}

/** The whole machine's busy CPU time so far (all cores, everything but idle and iowait), in ms. */
function machineBusyMs() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number)
  return (user + nice + system + irq + softirq + steal) * 10
}

/**
 * Where the machine's CPU goes, by part of the cluster: web processes,
 * workers, the database server, Redis, HAProxy, this load generator, and the
 * machine as a whole (the rest is everything else running on it).
 */
function cpuSnapshot(cluster: Cluster) {
  const processes = processesCpu()
  const ofGroups = (groups: number[]) =>
    processes.filter((p) => groups.includes(p.group)).reduce((sum, p) => sum + p.ms, 0)
  const named = (pattern: RegExp) =>
    processes.filter((p) => pattern.test(p.name)).reduce((sum, p) => sum + p.ms, 0)
  const { user, system } = process.cpuUsage()
  return {
    web: ofGroups(cluster.webs.map((web) => web.child.pid!)),
    workers: ofGroups(cluster.workers.map((worker) => worker.pid!)),
    database: named(/^(mariadbd|mysqld)$/),
    redis: named(/^redis-server$/),
    balancer: ofGroups([cluster.balancer.pid!]),
    loadGenerator: (user + system) / 1000,
    machine: machineBusyMs(),
  }
}

type CpuSnapshot = ReturnType<typeof cpuSnapshot>

/** CPU milliseconds per answered send of each part between two snapshots. */
function cpuPerSend(before: CpuSnapshot, after: CpuSnapshot, sends: number) {
  const parts = Object.keys(before) as Array<keyof CpuSnapshot>
  return Object.fromEntries(
    parts.map((part) => [part, round((after[part] - before[part]) / sends, 2)])
  ) as CpuSnapshot
}

/* -------------------------------------------------------------- setup ---- */

/**
 * The organization, its texters, the contacts and a launched campaign: made
 * through the API where it has a way, seeded in the database where it has
 * none or would take minutes.
 */
async function setUp(cluster: Cluster, db: mysql.Connection) {
  // Commands run synchronously, so they reach the database directly, not through the counter.
  const [first] = cluster.webs
  const token = createOwnerToken({ ...first, env: { ...first.env, ...cluster.directEnv } })
  const target = { baseUrl: cluster.baseUrl }
  const { accountId, listId, signingSecret } = await createAccountAndList(target, token, {
    carrierPort: CARRIER_PORT,
  })
  const [[owner]] = await db.query<mysql.RowDataPacket[]>(
    `SELECT m.organization_id AS org, u.password FROM memberships m
     JOIN users u ON u.id = m.user_id WHERE m.role = 'owner'`
  )
  const zone = zoneInsideTextingHours()
  const now = sqlTime(new Date())
  const emails = Array.from({ length: TEXTERS }, (_, index) => `texter${index}@example.org`)
  await db.query('INSERT INTO users (full_name, email, password, created_at) VALUES ?', [
    emails.map((email, index) => [`Texter ${index}`, email, owner.password, now]),
  ])
  await db.query(
    `INSERT INTO memberships (organization_id, user_id, role, status, created_at)
     SELECT ?, id, 'texter', 'active', ? FROM users WHERE email LIKE 'texter%@example.org'`,
    [owner.org, now]
  )
  for (let start = 0; start < CONTACTS; start += 2000) {
    const rows = []
    for (let index = start; index < Math.min(CONTACTS, start + 2000); index++) {
      rows.push([owner.org, phone(index), `Person${index}`, 'Bench', zone, now])
    }
    await db.query(
      `INSERT INTO contacts (organization_id, phone, first_name, last_name, timezone, created_at)
       VALUES ?`,
      [rows]
    )
  }
  await db.query(
    `INSERT INTO contact_list_members (contact_list_id, contact_id)
     SELECT ?, id FROM contacts WHERE organization_id = ?`,
    [listId, owner.org]
  )
  const campaignId = await launchCampaign(target, token, {
    accountId,
    listId,
    batchSize: BATCH_SIZE,
  })
  log(`Contacts are in ${zone}`)
  return { campaignId, emails, accountId, signingSecret }
}

/* ----------------------------------------------------------- webhooks ---- */

/**
 * Inbound texts posted the way the fake carrier posts them (signed JSON),
 * `WEBHOOKS_PER_SECOND` until `done()`; every tenth one a repeated delivery
 * of the one before.
 */
async function postWebhooks(
  baseUrl: string,
  accountId: number,
  signingSecret: string,
  done: () => boolean
) {
  const url = `${baseUrl}/webhooks/fake/${accountId}/inbound`
  const ids = new Set<string>()
  const durations: number[] = []
  let failures = 0
  let resets = 0
  let made = 0
  await Promise.all(
    Array.from({ length: WEBHOOKS_PER_SECOND > 0 ? WEBHOOK_CONCURRENCY : 0 }, async () => {
      let last: string | undefined
      while (!done()) {
        const repeat = last !== undefined && made % 10 === 9
        const raw =
          repeat && last
            ? last
            : JSON.stringify({
                event: 'message.inbound',
                id: `FKin${randomUUID()}`,
                from: phone(made % 5000),
                to: SENDERS[made % SENDERS.length],
                body: `Bench reply number ${made}`,
                occurredAt: new Date().toISOString(),
              })
        made++
        const t0 = performance.now()
        // A connection reset is a delivery that failed: the carrier sends it again.
        const deliver = () => post(url, signedHeaders(signingSecret, raw), raw)
        const response = await resendOnReset(deliver, () => resets++)
        const took = performance.now() - t0
        durations.push(took)
        const turnMs = (1000 * WEBHOOK_CONCURRENCY) / WEBHOOKS_PER_SECOND
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, turnMs - took)))
        if (response.status >= 300) failures++
        else ids.add(JSON.parse(raw).id)
        last = raw
      }
    })
  )
  return { ids, durations, failures, resets, requests: made }
}

/* ---------------------------------------------------------------- run ---- */

async function resetDatabase() {
  const db = await mysql.createConnection(sqlOptions)
  await db.query(`DROP DATABASE IF EXISTS ${DATABASE}`)
  await db.query(`CREATE DATABASE ${DATABASE}`)
  await db.end()
}

let deadlocks = 0

/** Runs `work` in a transaction, again after a deadlock, as the app does. */
async function inTransaction(connection: mysql.PoolConnection, work: () => Promise<void>) {
  for (;;) {
    await connection.beginTransaction()
    try {
      await work()
      await connection.commit()
      return
    } catch (error) {
      await connection.rollback()
      if ((error as { code?: string }).code !== 'ER_LOCK_DEADLOCK') throw error
      deadlocks++
    }
  }
}

/**
 * The send's writes without the app: per contact one transaction inserting
 * a copy of a stored first text (so the counter triggers fire as for a send)
 * and marking the contact messaged as the send does, `concurrency` connections at a time.
 */
async function measureDbCeiling(campaignId: number, concurrency: number) {
  const pool = mysql.createPool({ ...sqlOptions, database: DATABASE, connectionLimit: concurrency })
  const [columns] = await pool.query<mysql.RowDataPacket[]>('SHOW COLUMNS FROM messages')
  const [[template]] = await pool.query<mysql.RowDataPacket[]>(
    "SELECT id FROM messages WHERE campaign_id = ? AND direction = 'outbound' LIMIT 1",
    [campaignId]
  )
  const [contacts] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT id, contact_id AS contactId FROM campaign_contacts
     WHERE campaign_id = ? AND status = 'needs_message' AND assigned_user_id IS NULL LIMIT ?`,
    [campaignId, CEILING_ROWS]
  )
  const replaced: Record<string, string> = {
    campaign_contact_id: '?',
    contact_id: '?',
    idempotency_key: '?',
    provider_message_id: 'NULL',
  }
  const names = columns.map((column) => column.Field as string).filter((name) => name !== 'id')
  const insert = `INSERT INTO messages (${names.join(', ')}) SELECT ${names
    .map((name) => replaced[name] ?? name)
    .join(', ')} FROM messages WHERE id = ?`
  const { durations, elapsedMs } = await runConcurrently(
    contacts.length,
    concurrency,
    async (index) => {
      const { id, contactId } = contacts[index]
      const connection = await pool.getConnection()
      try {
        await inTransaction(connection, async () => {
          const params = []
          for (const name of names) {
            if (name === 'campaign_contact_id') params.push(id)
            else if (name === 'contact_id') params.push(contactId)
            else if (name === 'idempotency_key') params.push(randomUUID())
          }
          await connection.query(insert, [...params, template.id])
          const now = sqlTime(new Date())
          await connection.query(
            `UPDATE campaign_contacts SET status = 'messaged', messaged_at = ?, last_outbound_at = ?,
           delivery = 'queued', initial_send_key = ?, updated_at = ?
           WHERE id = ? AND status = 'needs_message'`,
            [now, now, randomUUID(), now, id]
          )
        })
      } finally {
        connection.release()
      }
    }
  )
  await pool.end()
  if (deadlocks) log(`${deadlocks} deadlocks on the database alone, retried`)
  return {
    writesPerSecond: round(contacts.length / (elapsedMs / 1000)),
    p95Ms: round(percentile(durations, 95), 2),
  }
}

async function run(web: number, workers: number) {
  log(`— ${web} web process(es), ${workers} worker(s), ${TEXTERS} texters —`)
  await resetDatabase()
  const cluster = await startCluster(web, workers)
  const db = await mysql.createConnection({ ...sqlOptions, database: DATABASE })
  try {
    const { campaignId, emails, accountId, signingSecret } = await setUp(cluster, db)

    log(`Signing in ${TEXTERS} texters…`)
    const browsers = emails.map(() => new Browser(cluster.baseUrl))
    await runConcurrently(TEXTERS, 8, (index) => browsers[index].signIn(emails[index]))

    log(`Sending ${SENDS} texts (think time ${THINK_MS} ms) with inbound webhooks…`)
    const sendRun = new SendRun({ sends: SENDS, thinkMs: THINK_MS })
    let texting = true
    const loadBefore = loadavg()[0]
    await counter?.reset()
    const cpuBefore = cpuSnapshot(cluster)
    const t0 = performance.now()
    const webhooks = postWebhooks(cluster.baseUrl, accountId, signingSecret, () => !texting)
    // Awaited below; marked handled so a failure there cannot end the run before the cleanup.
    webhooks.catch(() => {})
    await Promise.all(browsers.map((browser) => sendRun.texter(browser, campaignId)))
    const elapsedMs = performance.now() - t0
    const cpuAfter = cpuSnapshot(cluster)
    const queries = await counter?.counts(sendRun.answered.size)
    texting = false
    const inbound = await webhooks
    const load = round(Math.max(loadBefore, loadavg()[0]), 2)
    sendRun.report()
    if (inbound.failures) log(`${inbound.failures} webhooks were not accepted`)
    if (inbound.resets) log(`${inbound.resets} webhooks sent again after a connection reset`)

    // Inbound webhooks are processed after the answer: wait until none is pending.
    const deadline = Date.now() + 120_000
    while (Date.now() < deadline) {
      const [[pending]] = await db.query<mysql.RowDataPacket[]>(
        "SELECT COUNT(*) AS n FROM webhook_events WHERE status = 'pending'"
      )
      if (Number(pending.n) === 0) break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    const [events] = await db.query<mysql.RowDataPacket[]>(
      'SELECT status, COUNT(*) AS n FROM webhook_events GROUP BY status'
    )
    log(`Webhook events: ${events.map((row) => `${row.n} ${row.status}`).join(', ')}`)
    const [texts] = await db.query<mysql.RowDataPacket[]>(OUTBOUND_TEXTS_SQL, [campaignId])
    const { duplicates, lost } = sendRun.check(
      texts.map((text) => ({ id: Number(text.id), contactId: Number(text.contactId) }))
    )
    const [[stored]] = await db.query<mysql.RowDataPacket[]>(
      `SELECT COUNT(*) AS total, COUNT(DISTINCT provider_message_id) AS distinctIds FROM messages
       WHERE direction = 'inbound' AND provider_account_id = ?`,
      [accountId]
    )
    log(
      `${sendRun.answered.size} sends answered, ${texts.length} texts stored; ` +
        `${inbound.requests} webhooks posted, ${stored.distinctIds} inbound texts stored`
    )
    const sends = sendRun.answered.size
    const cpu = cpuPerSend(cpuBefore, cpuAfter, sends)
    const figures = {
      sends,
      sendsPerSecond: round(sends / (elapsedMs / 1000)),
      p50Ms: round(percentile(sendRun.durations, 50), 2),
      p95Ms: round(percentile(sendRun.durations, 95), 2),
      p99Ms: round(percentile(sendRun.durations, 99), 2),
      duplicates,
      lost,
      webhooks: inbound.requests,
      webhookP95Ms: inbound.durations.length ? round(percentile(inbound.durations, 95), 2) : null,
      webhooksLost: inbound.ids.size - Number(stored.distinctIds),
      webhookDuplicates: Number(stored.total) - Number(stored.distinctIds),
      load1m: load,
      webCpuMsPerSend: cpu.web,
      cpuMsPerSend: cpu,
      machineBusyPercent: round(
        (100 * (cpuAfter.machine - cpuBefore.machine)) / elapsedMs / cpus().length
      ),
      ...(queries ? { queriesPerSend: round(queries.total / sends, 2) } : {}),
    }
    if (queries) log(`Statements per send:\n${queries.top.join('\n')}`)
    log(JSON.stringify({ webProcesses: web, workers, ...figures }))
    const ceiling = options['db-ceiling']
      ? await measureDbCeiling(campaignId, Math.min(TEXTERS, 64))
      : null
    return { figures, ceiling }
  } finally {
    await db.end()
    await stopCluster(cluster)
  }
}

const carrier = await startCarrier(CARRIER_PORT)
await counter?.start()
try {
  const single = await run(1, WORKERS)
  const scaled = WEB === 1 ? single : await run(WEB, WORKERS)
  const ceiling = scaled.ceiling ?? single.ceiling
  console.log(
    JSON.stringify({
      webProcesses: WEB,
      workers: WORKERS,
      texters: TEXTERS,
      ...scaled.figures,
      singleProcessSendsPerSecond: single.figures.sendsPerSecond,
      singleProcessP95Ms: single.figures.p95Ms,
      scaling: round(scaled.figures.sendsPerSecond / single.figures.sendsPerSecond, 2),
      ...(ceiling
        ? { dbCeilingWritesPerSecond: ceiling.writesPerSecond, dbCeilingP95Ms: ceiling.p95Ms }
        : {}),
    })
  )
} finally {
  carrier.close()
  await counter?.stop()
  closeConnections()
  const db = await mysql.createConnection(sqlOptions)
  await db.query(`DROP DATABASE IF EXISTS ${DATABASE}`)
  await db.end()
}
