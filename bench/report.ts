/*
| Reporting on a large campaign, on SQLite. Starts a production instance,
| makes a campaign (two variants, a two-question survey) through the API,
| then seeds it in the database the way a finished texting session leaves it
| (bench/report_seed.ts): N contacts with custom fields and tags, their
| campaign contacts (delivery, failures by reason, replies, sentiment,
| opt-outs, 50 texters), every first text, the replies and the texters'
| answers (with reply times), and survey answers. Then it times
| GET /api/v1/campaigns/:id/stats and a full contacts export (POST, then
| polling GET /api/v1/exports/:id until completed), and reads the server's
| peak memory. Prints progress to stderr and one JSON line last:
|   {"contacts","statsMs","exportRows","exportRowsPerSecond","peakRssMb"}
|
|   npm run bench:report -- --contacts 1000000 --port 3390
*/
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  api,
  createOwnerToken,
  log,
  round,
  sizeAndPort,
  startInstance,
  stopInstance,
  type Instance,
} from './support.ts'
import { SURVEY_STEPS, seedSession } from './report_seed.ts'

const { size: CONTACTS, port: PORT } = sizeAndPort('contacts', 1, '3390')

async function createCampaign(instance: Instance, token: string) {
  const campaign = await api(instance, token, '/campaigns', {
    name: 'Bench report campaign',
    audience: {},
    script: {
      initial: [
        { body: 'Hi {firstName}, this is {texterName} with {orgName}. Reply STOP to opt out' },
        { body: '{firstName}, can we count on your vote? Reply STOP to opt out' },
      ],
      steps: SURVEY_STEPS,
    },
  })
  return campaign.id as number
}

async function timeStats(baseUrl: string, token: string, campaignId: number) {
  const times: number[] = []
  let body: any
  for (let run = 0; run < 6; run++) {
    const started = performance.now()
    const response = await fetch(`${baseUrl}/api/v1/campaigns/${campaignId}/stats`, {
      headers: { authorization: `Bearer ${token}` },
    })
    body = await response.json()
    if (!response.ok) throw new Error(`stats: ${response.status} ${JSON.stringify(body)}`)
    times.push(performance.now() - started)
  }
  log(
    `stats: first ${round(times[0])} ms, then ${times
      .slice(1)
      .map((t) => round(t))
      .join(', ')} ms`
  )
  log(
    `stats: targeted ${body.targeted}, sent ${body.sent}, replied ${body.replied}, cost ${body.estimatedCost}`
  )
  const warm = times.slice(1).sort((a, b) => a - b)
  return { statsMs: warm[Math.floor(warm.length / 2)], targeted: body.targeted as number }
}

async function timeExport(instance: Instance, token: string, campaignId: number) {
  const started = performance.now()
  const { id } = await api(instance, token, `/campaigns/${campaignId}/exports`, {
    kind: 'contacts',
  })
  while (true) {
    const response = await fetch(`${instance.baseUrl}/api/v1/exports/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const record: any = await response.json()
    if (record.status === 'failed') throw new Error(`export failed: ${record.failureReason}`)
    if (record.status === 'completed') {
      const seconds = (performance.now() - started) / 1000
      log(`export: ${record.rows} rows in ${round(seconds, 2)} s`)
      return { exportRows: record.rows as number, seconds }
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The server's peak resident memory (Linux), in MB. */
function peakRssMb(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024
}

const instance = await startInstance(PORT)
try {
  const token = createOwnerToken(instance)
  const campaignId = await createCampaign(instance, token)
  let started = performance.now()
  seedSession(join(instance.dataDir, 'porchlight.sqlite3'), campaignId, CONTACTS)
  log(`seeded ${CONTACTS} contacts in ${round((performance.now() - started) / 1000)} s`)
  log(`server memory before the export: ${round(peakRssMb(instance.child.pid!))} MB peak`)
  // The seeding held this process's event loop; let it see the idle keep-alive
  // sockets the server closed meanwhile, or fetch would reuse a dead one.
  await sleep(100)

  const { statsMs, targeted } = await timeStats(instance.baseUrl, token, campaignId)
  if (targeted !== CONTACTS) throw new Error(`stats counted ${targeted} contacts, not ${CONTACTS}`)
  const { exportRows, seconds } = await timeExport(instance, token, campaignId)
  if (exportRows !== CONTACTS)
    throw new Error(`the export wrote ${exportRows} rows, not ${CONTACTS}`)

  console.log(
    JSON.stringify({
      contacts: CONTACTS,
      statsMs: round(statsMs),
      exportRows,
      exportRowsPerSecond: Math.round(exportRows / seconds),
      peakRssMb: round(peakRssMb(instance.child.pid!)),
    })
  )
} finally {
  await stopInstance(instance)
}
