/*
| Tracked-link redirects on SQLite. Starts a production instance, makes a
| campaign through the API and seeds it as a finished texting session
| (bench/report_seed.ts), one tracked link per contact. Then follows random
| links at a steady rate (default 500 per second, for 20 s), one in ten as a
| link-preview fetcher, timing each GET /l/:code from request to 302. Stops
| the instance (SIGTERM: a clean shutdown writes the clicks still counted in
| memory) and checks every click and preview was recorded, none twice.
| Prints progress to stderr and one JSON line last:
|   {"links","requests","requestsPerSecond","p50Ms","p99Ms","maxMs","clientLagP99Ms","clicks",
|    "previews","lost","misread"}
| clientLagP99Ms is this process's own event-loop delay while it measures: a
| late timer here delays the next request and stretches the answer it times.
|
|   npm run bench:links -- --links 100000 --port 3442   (BENCH_RATE, BENCH_SECONDS)
*/
import { spawnSync } from 'node:child_process'
import { Agent, request } from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  api,
  createOwnerToken,
  log,
  percentile,
  round,
  sizeAndPort,
  startInstance,
  stopInstance,
} from './support.ts'
import { SURVEY_STEPS, seedSession } from './report_seed.ts'

const { size: LINKS, port: PORT } = sizeAndPort('links', 1000, '3442')
const RATE = Number(process.env.BENCH_RATE ?? 500)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const WARMUP = 1000
const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const SLACK = 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'

/** One tracked link per campaign contact, on the first text each was sent. */
function seedLinks(databasePath: string, campaignId: number) {
  const db = new Database(databasePath)
  db.pragma('busy_timeout = 10000')
  db.exec(`UPDATE campaigns SET track_links = 1 WHERE id = ${campaignId}`)
  db.exec(
    `UPDATE messages SET idempotency_key = 'initial:' || campaign_contact_id
     WHERE id IN (SELECT MIN(id) FROM messages WHERE campaign_id = ${campaignId} AND direction = 'outbound' GROUP BY campaign_contact_id)`
  )
  const rows = db
    .prepare(
      'SELECT id, organization_id, contact_id, variant_id, messaged_by_id FROM campaign_contacts WHERE campaign_id = ?'
    )
    .all(campaignId) as any[]
  const insert = db.prepare(
    `INSERT INTO tracked_links (code, organization_id, campaign_id, campaign_contact_id, message_key, position,
       variant_id, sent_by_id, target, created_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, '2026-11-02 14:00:00')`
  )
  // Ids, not code strings: a million strings would make this process's own garbage collections
  // heavy enough to steal the CPU the server is being timed on.
  const ids = new Int32Array(rows.length)
  let index = 0
  db.transaction(() => {
    for (const row of rows) {
      const code = codeOf(row.id)
      insert.run(
        code,
        row.organization_id,
        campaignId,
        row.id,
        `initial:${row.id}`,
        row.variant_id,
        row.messaged_by_id,
        `https://example.org/rally?ref=${row.id}`
      )
      ids[index++] = row.id
    }
  })()
  db.close()
  return ids
}

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A distinct code of the real form per id (the application draws them at random). */
function codeOf(id: number) {
  let code = ''
  for (let rest = id; code.length < 10; rest = Math.floor(rest / ALPHABET.length)) {
    code = ALPHABET[rest % ALPHABET.length] + code
  }
  return code
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 })

function follow(url: string, userAgent: string) {
  return new Promise<number>((resolve, reject) => {
    const req = request(url, { agent, headers: { 'user-agent': userAgent } }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
      response.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** Requests at `rate` per second (open loop: a slow answer does not delay the next request). */
async function paced(count: number, rate: number, task: (index: number) => Promise<void>) {
  const durations = new Array<number>(count)
  const started = performance.now()
  const inFlight: Promise<void>[] = []
  for (let index = 0; index < count; index++) {
    const due = started + (index * 1000) / rate
    const wait = due - performance.now()
    if (wait > 1) await sleep(wait)
    const t0 = performance.now()
    inFlight.push(task(index).then(() => void (durations[index] = performance.now() - t0)))
  }
  await Promise.all(inFlight)
  return { durations, elapsedMs: performance.now() - started }
}

const instance = await startInstance(PORT)
let stopped = false
try {
  const token = createOwnerToken(instance)
  const campaign = await api(instance, token, '/campaigns', {
    name: 'Bench links campaign',
    audience: {},
    script: {
      initial: [
        { body: 'Hi {firstName}, join us https://example.org/rally. Reply STOP to opt out' },
      ],
      steps: SURVEY_STEPS,
    },
    trackLinks: true,
  })
  const databasePath = join(instance.dataDir, 'porchlight.sqlite3')
  log(`Seeding ${LINKS} contacts and their links…`)
  seedSession(databasePath, campaign.id, LINKS)
  const ids = seedLinks(databasePath, campaign.id)
  // The seed's writes go to disk now, not in the middle of the timed requests.
  spawnSync('sync')

  let clicks = 0
  let previews = 0
  let failures = 0
  const hit = async (index: number) => {
    const preview = index % 10 === 0
    const code = codeOf(ids[Math.floor(Math.random() * ids.length)])
    const status = await follow(`${instance.baseUrl}/l/${code}`, preview ? SLACK : PHONE)
    if (status !== 302) failures++
    else if (preview) previews++
    else clicks++
  }
  log(`Warming up with ${WARMUP} requests…`)
  await paced(WARMUP, RATE, hit)

  const requests = RATE * SECONDS
  log(`Following ${requests} links at ${RATE} per second…`)
  const lag = monitorEventLoopDelay({ resolution: 1 })
  lag.enable()
  const { durations, elapsedMs } = await paced(requests, RATE, (index) => hit(index + 1))
  lag.disable()
  if (failures) log(`${failures} requests were not answered 302`)

  log('Stopping the instance (clean shutdown)…')
  agent.destroy()
  const { dataDir } = instance
  await stopInstance({ ...instance, dataDir: join(dataDir, 'kept-for-the-count') })
  stopped = true
  const db = new Database(databasePath, { readonly: true })
  const stored = db
    .prepare('SELECT SUM(clicks) AS clicks, SUM(previews) AS previews FROM tracked_links')
    .get() as { clicks: number; previews: number }
  db.close()
  await stopInstance(instance)

  console.log(
    JSON.stringify({
      links: ids.length,
      requests,
      requestsPerSecond: round(requests / (elapsedMs / 1000)),
      p50Ms: round(percentile(durations, 50), 2),
      p99Ms: round(percentile(durations, 99), 2),
      maxMs: round(Math.max(...durations), 2),
      clientLagP99Ms: round(lag.percentile(99) / 1e6, 2),
      clicks: stored.clicks,
      previews: stored.previews,
      lost: clicks + previews - (stored.clicks + stored.previews),
      misread: Math.abs(previews - stored.previews),
    })
  )
} finally {
  if (!stopped) await stopInstance(instance)
}
