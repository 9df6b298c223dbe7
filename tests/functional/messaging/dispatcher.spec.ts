import { test } from '@japa/runner'
import { setTimeout as sleep } from 'node:timers/promises'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import AuditEvent from '#models/audit_event'
import type Organization from '#models/organization'
import type ProviderAccount from '#models/provider_account'
import sms from '#services/sms'
import { Dispatcher } from '#services/outbox/dispatcher'
import { queueMessage } from '#services/outbox/enqueue'
import { backoffSeconds } from '#services/outbox/send_failures'
import messagingConfig from '#config/messaging'
import RecordOptOut from '#actions/opt_outs/record_opt_out'
import { createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { createFakeAccount, SENDER } from '#tests/helpers/messaging'
import { asMember } from '#tests/helpers/web'
import { createDraft } from '#tests/helpers/campaigns'
import { urlFor } from '@adonisjs/core/services/url_builder'

function queue(account: ProviderAccount, to: string, extra: { contactId?: number } = {}) {
  return queueMessage({
    organizationId: account.organizationId,
    providerAccountId: account.id,
    from: SENDER,
    to,
    body: `Hello ${to}`,
    ...extra,
  })
}

/** Makes every queued row due now, as if its backoff had passed. */
async function fastForward() {
  await db.from('messages').where('status', 'queued').update({ next_attempt_at: null })
}

test.group('Dispatcher | outcomes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sms.restore())

  test('a queued text is handed to its account and recorded as sent', async ({ assert }) => {
    const fake = sms.fake()
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const message = await queue(account, '+12025550160')

    assert.equal(await new Dispatcher().drainOnce(), 1)

    fake.assertSent({ to: '+12025550160', from: SENDER, messageId: message.id })
    await message.refresh()
    assert.containSubset(message.serialize(), { status: 'sent', attempts: 1 })
    assert.match(message.providerMessageId!, /^recorded-/)
    assert.isNotNull(message.sentAt)
  })

  test('a transient failure retries with growing waits, then fails', async ({ assert }) => {
    const fake = sms
      .fake()
      .failWhen(
        { to: '+12025550161' },
        { errorClass: 'transient', kind: 'unreachable', code: '30003', message: 'Unreachable' }
      )
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const message = await queue(account, '+12025550161')
    const dispatcher = new Dispatcher()
    const { maxAttempts } = messagingConfig.dispatcher

    for (let attempt = 1; attempt < maxAttempts; attempt++) {
      await dispatcher.drainOnce()
      await message.refresh()
      assert.containSubset(message.serialize(), {
        status: 'queued',
        attempts: attempt,
        errorCode: '30003',
        errorClass: 'transient',
      })
      const wait = message.nextAttemptAt!.diff(DateTime.now()).as('seconds')
      assert.closeTo(wait, backoffSeconds(attempt), 2)
      // Not due yet: nothing is claimed.
      assert.equal(await dispatcher.drainOnce(), 0)
      await fastForward()
    }
    await dispatcher.drainOnce()
    await message.refresh()
    assert.equal(message.status, 'failed')
    assert.equal(message.attempts, maxAttempts)
    assert.isBelow(backoffSeconds(1), backoffSeconds(2))
    fake.assertNoneSent()
  })

  test('a landline is flagged on the contact; a carrier opt-out joins the opt-out list', async ({
    assert,
  }) => {
    sms
      .fake()
      .failWhen(
        { to: '+12025550162' },
        { errorClass: 'recipient', kind: 'landline', code: '30006', message: 'Landline' }
      )
      .failWhen(
        { to: '+12025550163' },
        { errorClass: 'recipient', kind: 'opted_out', code: '21610', message: 'Unsubscribed' }
      )
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const landline = await createContact(owner.organizationId, { phone: '+12025550162' })
    const first = await queue(account, landline.phone, { contactId: landline.id })
    const second = await queue(account, '+12025550163')

    await new Dispatcher().drainOnce()

    await Promise.all([first.refresh(), second.refresh(), landline.refresh()])
    assert.containSubset(first.serialize(), { status: 'failed', errorClass: 'recipient' })
    assert.equal(landline.undeliverableReason, 'landline')
    assert.equal(second.status, 'failed')
    const optOut = await OptOut.query().where('phone', '+12025550163').firstOrFail()
    assert.equal(optOut.source, 'carrier')
    assert.equal(optOut.messageId, second.id)
  })

  test('a configuration failure stops that account only, and its texts wait', async ({
    assert,
  }) => {
    const fake = sms.fake().failWhen((message) => message.body.startsWith('Broken'), {
      errorClass: 'configuration',
      code: '20003',
      message: 'Authentication failed',
    })
    const owner = await createMember('owner')
    const broken = await createFakeAccount(owner.organizationId)
    const healthy = await createFakeAccount(owner.organizationId)
    const stuck = await queueMessage({
      organizationId: owner.organizationId,
      providerAccountId: broken.id,
      from: SENDER,
      to: '+12025550164',
      body: 'Broken account text',
    })
    const waiting = await queueMessage({
      organizationId: owner.organizationId,
      providerAccountId: broken.id,
      from: SENDER,
      to: '+12025550165',
      body: 'Broken account, second text',
    })
    const fine = await queue(healthy, '+12025550166')

    const dispatcher = new Dispatcher()
    await dispatcher.drainOnce()
    await dispatcher.drainOnce()

    await Promise.all([broken.refresh(), healthy.refresh(), stuck.refresh(), waiting.refresh()])
    assert.equal(broken.status, 'disabled')
    assert.include(broken.statusReason!, 'Authentication failed')
    assert.equal(healthy.status, 'active')
    assert.equal(stuck.status, 'queued')
    assert.equal(waiting.status, 'queued')
    await fine.refresh()
    assert.equal(fine.status, 'sent')
    fake.assertSentCount(1)
    const audits = await AuditEvent.query().where('action', 'provider_account.disabled')
    assert.lengthOf(audits, 1)
    assert.equal(audits[0].subjectId, broken.id)
  })

  test('a phone that opted out after queueing is refused at the last check', async ({ assert }) => {
    const fake = sms.fake()
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const message = await queue(account, '+12025550167')
    await RecordOptOut.handle({
      organizationId: owner.organizationId,
      phone: '+12025550167',
      source: 'texter',
    })

    await new Dispatcher().drainOnce()

    await message.refresh()
    assert.containSubset(message.serialize(), { status: 'failed', errorCode: 'opted_out' })
    fake.assertNoneSent()
  })

  test('a campaign text is held back once the recipient’s texting hours have closed', async ({
    assert,
  }) => {
    const fake = sms.fake()
    const owner = await createMember('owner')
    const campaign = await createDraft(owner, { audience: { listIds: [] } })
    // Fixed-offset zones where it is now 03:xx (closed) and 12:xx (open).
    const zoneAt = (hour: number) => {
      for (let offset = -14; offset <= 12; offset++) {
        const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '+' : ''}${offset}`
        if (DateTime.now().setZone(zone).hour === hour) return zone
      }
      throw new Error(`no zone at ${hour}:00`)
    }
    const asleep = await createContact(owner.organizationId, {
      phone: '+12025550190',
      timezone: zoneAt(3),
    })
    const awake = await createContact(owner.organizationId, {
      phone: '+12025550191',
      timezone: zoneAt(12),
    })
    const account = await createFakeAccount(owner.organizationId)
    const queueFor = (contactId: number, to: string) =>
      queueMessage({
        organizationId: owner.organizationId,
        providerAccountId: account.id,
        campaignId: campaign.id,
        contactId,
        from: SENDER,
        to,
        body: 'Hi there',
      })
    const late = await queueFor(asleep.id, asleep.phone)
    const onTime = await queueFor(awake.id, awake.phone)

    await new Dispatcher().drainOnce()

    await late.refresh()
    await onTime.refresh()
    // Not sent late: it waits in the queue for the recipient's next window.
    assert.containSubset(late.serialize(), {
      status: 'queued',
      errorCode: 'waiting_for_texting_hours',
    })
    assert.isTrue(late.nextAttemptAt! > DateTime.now())
    assert.equal(onTime.status, 'sent')
    fake.assertSentCount(1)
    fake.assertSent({ to: awake.phone })
  })

  test('texts from one number are paced at its texts-per-second setting', async ({ assert }) => {
    const fake = sms.fake()
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId, {
      settings: { textsPerSecond: '0.4' },
    })
    await queue(account, '+12025550168')
    await queue(account, '+12025550169')

    await new Dispatcher().drainOnce()

    // One now; the next slot is 2.5 s away, beyond the wait a claim may hold, so it went back.
    fake.assertSentCount(1)
    const later = await Message.query().where('status', 'queued').firstOrFail()
    assert.closeTo(later.nextAttemptAt!.diff(DateTime.now()).as('seconds'), 2.5, 1.5)
  })
})

test.group('Dispatcher | running in the background', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sms.restore())

  test('it drains texts as they are queued, and stopping leaves nothing half-sent', async ({
    assert,
  }) => {
    const fake = sms.fake()
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId, {
      settings: { textsPerSecond: '10000' },
    })
    const dispatcher = new Dispatcher({ concurrency: 2, batchSize: 10, pollIntervalMs: 20 })
    dispatcher.start()
    try {
      for (let index = 0; index < 30; index++) await queue(account, `+1202555${3000 + index}`)
      const deadline = Date.now() + 5000
      while (fake.sent.length < 5 && Date.now() < deadline) await sleep(10)
    } finally {
      await dispatcher.stop()
    }

    const rows = await Message.query().where('organization_id', owner.organizationId)
    const sent = rows.filter((row) => row.status === 'sent')
    assert.isAtLeast(sent.length, 5)
    assert.lengthOf(sent, fake.sent.length)
    assert.sameMembers(
      [...new Set(rows.map((row) => row.status))],
      sent.length === 30 ? ['sent'] : ['sent', 'queued']
    )
  })
})

test.group('Dispatcher | interrupted sends', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sms.restore())

  test('a text left "sending" by a dead dispatcher is parked for review, never re-sent', async ({
    assert,
    client,
  }) => {
    const fake = sms.fake()
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const orphan = await queue(account, '+12025550170')
    const gone = await queue(account, '+12025550171')
    const longAgo = DateTime.now().minus({ minutes: 30 })
    for (const message of [orphan, gone]) {
      message.merge({ status: 'sending', claimedAt: longAgo, claimedBy: 'dead-worker#1' })
      await message.save()
    }

    const dispatcher = new Dispatcher()
    assert.equal(await dispatcher.reconcileStale(), 2)
    await dispatcher.drainOnce()
    await orphan.refresh()
    assert.equal(orphan.status, 'review')
    fake.assertNoneSent()

    const page = await asMember(client.get(urlFor('provider_accounts.index')), owner)
    assert.include(page.text(), '+12025550170')

    const resend = await asMember(
      client.post(urlFor('outbox_reviews.resend', { id: orphan.id })),
      owner
    )
    resend.assertStatus(302)
    const discard = await asMember(
      client.post(urlFor('outbox_reviews.discard', { id: gone.id })),
      owner
    )
    discard.assertStatus(302)
    await dispatcher.drainOnce()

    await Promise.all([orphan.refresh(), gone.refresh()])
    assert.equal(orphan.status, 'sent')
    assert.containSubset(gone.serialize(), { status: 'failed', errorCode: 'discarded' })
    fake.assertSentCount(1)
    assert.lengthOf(
      await AuditEvent.query().whereIn('action', ['message.resent', 'message.discarded']),
      2
    )
  })

  test('a recent claim is left alone', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const busy = await queue(account, '+12025550172')
    busy.merge({ status: 'sending', claimedAt: DateTime.now(), claimedBy: 'live-worker#1' })
    await busy.save()

    assert.equal(await new Dispatcher().reconcileStale(), 0)
    await busy.refresh()
    assert.equal(busy.status, 'sending')
  })
})

test.group('Dispatcher | concurrent claimers', (group) => {
  let organization: Organization | undefined
  group.each.teardown(async () => {
    sms.restore()
    await organization?.delete()
  })

  test('several dispatchers draining one outbox never send a text twice', async ({ assert }) => {
    const fake = sms.fake()
    const owner = await createMember('owner')
    organization = owner.organization
    const accounts = [
      await createFakeAccount(owner.organizationId, { settings: { textsPerSecond: '10000' } }),
      await createFakeAccount(owner.organizationId, { settings: { textsPerSecond: '10000' } }),
    ]
    const total = 300
    for (let index = 0; index < total; index++) {
      await queue(accounts[index % 2], `+1202555${String(1000 + index).padStart(4, '0')}`)
    }

    const dispatchers = Array.from({ length: 4 }, () => new Dispatcher({ batchSize: 25 }))
    const drain = async (dispatcher: Dispatcher) => {
      while ((await dispatcher.drainOnce()) > 0) {}
    }
    await Promise.all(dispatchers.map(drain))

    const ids = fake.sent.map((sent) => sent.message.messageId)
    assert.lengthOf(ids, total)
    assert.lengthOf(new Set(ids), total)
    const statuses = await Message.query()
      .where('organization_id', owner.organizationId)
      .groupBy('status')
      .select('status')
      .count('* as total')
    assert.deepEqual(
      statuses.map((row) => [row.status, Number(row.$extras.total)]),
      [['sent', total]]
    )
  })
})
