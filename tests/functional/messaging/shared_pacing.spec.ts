import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import db from '@adonisjs/lucid/services/db'
import Message from '#models/message'
import type ProviderAccount from '#models/provider_account'
import sms from '#services/sms'
import { Dispatcher } from '#services/outbox/dispatcher'
import { queueMessage } from '#services/outbox/enqueue'
import { DatabasePacer, RedisPacer, type Pacer } from '#services/outbox/pacer'
import type Membership from '#models/membership'
import { createMember } from '#tests/helpers/members'
import { removeOrganization } from '#tests/helpers/heavy_reads'
import { createFakeAccount, SENDER } from '#tests/helpers/messaging'
import { createDraft } from '#tests/helpers/campaigns'

/** Midday in every US zone: texting hours are open for the campaign texts. */
const MIDDAY = new Date('2026-06-10T18:00:00Z')
/** A claimed text waits at most this long for its slot: one second's window of slots, less one. */
const WAIT_MS = 900
const WORKERS = 3

/**
 * The pacing stores the dispatchers share. Redis runs wherever the tests
 * run (here and in CI), so both are always exercised.
 */
const STORES: Array<[string, () => Pacer]> = [
  ['the database', () => new DatabasePacer()],
  ['Redis', () => new RedisPacer(`pacing-test-${process.pid}:`)],
]

async function queueTexts(account: ProviderAccount, count: number, campaignId?: number) {
  for (let index = 0; index < count; index++) {
    await queueMessage({
      organizationId: account.organizationId,
      providerAccountId: account.id,
      campaignId,
      from: SENDER,
      to: `+1202555${String(2000 + index).padStart(4, '0')}`,
      body: 'Hello',
    })
  }
}

/**
 * Three dispatchers, each with its own pacer instance on the shared store,
 * drain one round each at once. Answers the sending slots (epoch ms) the
 * pacers handed out, in order: each worker sends at its slots.
 */
async function drainWithWorkers(store: () => Pacer, rates: { perCampaignPerSecond?: number }) {
  const slots: number[] = []
  const recording = (pacer: Pacer): Pacer => ({
    async reserve(sends, now, maxWaitMs) {
      const answers = await pacer.reserve(sends, now, maxWaitMs)
      slots.push(...answers.filter((slot) => slot.reserved).map((slot) => slot.at))
      return answers
    },
  })
  const workers = Array.from(
    { length: WORKERS },
    () =>
      new Dispatcher({
        ...rates,
        batchSize: 10,
        maxPacingWaitMs: WAIT_MS,
        clock: () => MIDDAY,
        pacer: recording(store()),
      })
  )
  await Promise.all(workers.map((worker) => worker.drainOnce()))
  return slots.sort((a, b) => a - b)
}

/** No second (any 1000 ms) holds more than `rate` of the slots. */
function assertRateHeld(assert: Assert, slots: number[], rate: number) {
  for (let index = rate; index < slots.length; index++) {
    assert.isAtLeast(slots[index] - slots[index - rate], 1000)
  }
}

for (const [name, store] of STORES) {
  test.group(`Outbox | pacing shared by every dispatcher (${name})`, (group) => {
    // Real commits: the workers' pacing transactions must lock against each other, as they do
    // on their own connections in production (one shared test transaction would not).
    let owner: Membership | null = null
    group.each.teardown(async () => {
      sms.restore()
      if (owner) await removeOrganization(owner)
      owner = null
      await db.from('pacing_slots').delete()
    })

    test("a campaign's rate holds across three workers", async ({ assert }) => {
      const fake = sms.fake()
      owner = await createMember('owner')
      const account = await createFakeAccount(owner.organizationId, {
        settings: { textsPerSecond: '10000' },
      })
      const campaign = await createDraft(owner, { audience: { listIds: [] } })
      await queueTexts(account, 30, campaign.id)

      const slots = await drainWithWorkers(store, { perCampaignPerSecond: 5 })

      // About a second of slots, 200 ms apart (each worker alone would have sent 5 at once, 15 in
      // all); the rest wait in the queue for later slots.
      assertRateHeld(assert, slots, 5)
      assert.isAtMost(slots.length, 6)
      fake.assertSentCount(slots.length)
      const waiting = await Message.query()
        .where('organization_id', owner.organizationId)
        .where('status', 'queued')
      assert.lengthOf(waiting, 30 - slots.length)
    })

    test("a sender number's rate holds across three workers", async ({ assert }) => {
      const fake = sms.fake()
      owner = await createMember('owner')
      const account = await createFakeAccount(owner.organizationId, {
        settings: { textsPerSecond: '4' },
      })
      await queueTexts(account, 30)

      const slots = await drainWithWorkers(store, {})

      assertRateHeld(assert, slots, 4)
      assert.isAtMost(slots.length, 5)
      fake.assertSentCount(slots.length)
      const waiting = await Message.query()
        .where('organization_id', owner.organizationId)
        .where('status', 'queued')
      assert.lengthOf(waiting, 30 - slots.length)
    })

    test('slots handed to three pacers at once never put more than the rate in any second', async ({
      assert,
    }) => {
      const pacers = Array.from({ length: WORKERS }, store)
      const now = MIDDAY.getTime()
      const send = [{ key: `campaign:pacing-${Date.now()}`, perSecond: 10 }]
      const answers = await Promise.all(
        pacers.map((pacer) =>
          Promise.all(Array.from({ length: 10 }, () => pacer.reserve([send, send], now, 60_000)))
        )
      )
      const slots = answers
        .flat(2)
        .map((slot) => {
          assert.isTrue(slot.reserved)
          return slot.at
        })
        .sort((a, b) => a - b)
      assert.lengthOf(slots, 60)
      assert.lengthOf(new Set(slots), 60)
      assertRateHeld(assert, slots, 10)
    })
  })
}
