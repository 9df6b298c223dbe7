/*
| Counting a campaign-history segment over a large contact base, on SQLite.
| Starts a production instance, makes a campaign with a two-question survey
| through the API, seeds N contacts who all went through it the way a
| finished texting session leaves them (bench/report_seed.ts: ~20% replied,
| most of them answered "Will you vote?", half the Yes also "Need a ride?"),
| then saves a nested history segment through the API:
|   any of [ all of [ said Yes, did NOT reply within D days ], answered "Need a ride?" ]
|   and not opted out
| and times its count (GET /api/v1/segments/:id, warm median of 5).
| Prints progress to stderr and one JSON line last:
|   {"contacts","segmentCount","countMs","firstCountMs"}
|
|   npm run bench:contacts -- --contacts 1000000 --port 3393
*/
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
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

const { size: CONTACTS, port: PORT } = sizeAndPort('contacts', 1, '3393')
const DAY_MS = 24 * 60 * 60 * 1000

async function createCampaign(instance: Instance, token: string) {
  const campaign = await api(instance, token, '/campaigns', {
    name: 'Bench history campaign',
    audience: {},
    script: {
      initial: [
        { body: 'Hi {firstName}, this is {texterName} with {orgName}. Reply STOP to opt out' },
      ],
      steps: SURVEY_STEPS,
    },
  })
  return campaign.id as number
}

/** The ids of the survey's two questions and of the answer Yes to the first. */
function surveyIds(databasePath: string, campaignId: number) {
  const db = new Database(databasePath, { readonly: true })
  const id = (where: string, ...values: unknown[]) =>
    (
      db
        .prepare(`SELECT id FROM interaction_steps WHERE campaign_id = ? AND ${where}`)
        .get(campaignId, ...values) as { id: number }
    ).id
  const vote = id("question = 'Will you vote?'")
  const yes = id("answer_option = 'Yes' AND parent_id = ?", vote)
  const ride = id("question = 'Need a ride?'")
  db.close()
  return { vote, yes, ride }
}

async function timeCount(instance: Instance, token: string, segmentId: number) {
  const times: number[] = []
  let count = 0
  for (let run = 0; run < 6; run++) {
    const started = performance.now()
    const response = await fetch(`${instance.baseUrl}/api/v1/segments/${segmentId}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const body: any = await response.json()
    if (!response.ok) throw new Error(`segment: ${response.status} ${JSON.stringify(body)}`)
    times.push(performance.now() - started)
    count = body.count
  }
  log(
    `count ${count}: first ${round(times[0])} ms, then ${times
      .slice(1)
      .map((t) => round(t))
      .join(', ')} ms`
  )
  const warm = times.slice(1).sort((a, b) => a - b)
  return { count, firstMs: times[0], warmMs: warm[Math.floor(warm.length / 2)] }
}

const instance = await startInstance(PORT)
try {
  const token = createOwnerToken(instance)
  const campaignId = await createCampaign(instance, token)
  const databasePath = join(instance.dataDir, 'porchlight.sqlite3')
  const started = performance.now()
  seedSession(databasePath, campaignId, CONTACTS)
  log(`seeded ${CONTACTS} contacts in ${round((performance.now() - started) / 1000)} s`)
  await sleep(100)

  // The seeded replies span 2 to 5 November 2026: "within D days" splits them.
  const days = Math.ceil((Date.now() - Date.UTC(2026, 10, 4)) / DAY_MS)
  const { vote, yes, ride } = surveyIds(databasePath, campaignId)
  const history = `campaign.${campaignId}`
  const segment = await api(instance, token, '/segments', {
    name: 'Said yes, quiet lately, or needs a ride',
    definition: {
      all: [
        {
          any: [
            {
              all: [
                { field: `${history}.survey.${vote}`, op: 'eq', value: yes },
                { field: `${history}.replied_within_days`, op: 'neq', value: days },
              ],
            },
            { field: `${history}.survey.${ride}`, op: 'exists', value: true },
          ],
        },
        { field: 'optedOut', op: 'eq', value: false },
      ],
    },
  })
  if (!segment.id) throw new Error(`segment: ${JSON.stringify(segment)}`)
  const { count, firstMs, warmMs } = await timeCount(instance, token, segment.id)
  if (count <= 0 || count >= CONTACTS) throw new Error(`the segment counted ${count} contacts`)

  console.log(
    JSON.stringify({
      contacts: CONTACTS,
      segmentCount: count,
      countMs: round(warmMs),
      firstCountMs: round(firstMs),
    })
  )
} finally {
  await stopInstance(instance)
}
