import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { Webhook } from 'standardwebhooks'
import AuditEvent from '#models/audit_event'
import Organization from '#models/organization'
import User from '#models/user'
import WebhookEndpoint from '#models/webhook_endpoint'
import { clock } from '#services/clock'
import { WebhookDeliverer } from '#services/outbound_webhooks/deliverer'
import { recordEvent } from '#services/outbound_webhooks/events'
import webhooksConfig from '#config/webhooks'
import { createMember } from '#tests/helpers/members'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { createEndpoint, deliverAll, startReceiver } from '#tests/helpers/webhook_receiver'
import type Membership from '#models/membership'

const HOUR = 3600_000

/** Records a contact event the way an action would (its own transaction). */
function contactEvent(admin: Membership, contactId: number, note: string) {
  return db.transaction((trx) =>
    recordEvent(trx, {
      organizationId: admin.organizationId,
      type: 'contact.updated',
      contactId,
      data: { contact: { id: contactId, phone: '+12025550100' }, note },
    })
  )
}

function headersOf(request: { headers: Record<string, unknown> }) {
  return {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  }
}

test.group('Outbound webhooks | delivery', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('an inbound reply reaches the endpoint signed, and verifies with standardwebhooks', async ({
    assert,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const receiver = await startReceiver(cleanup)
    const endpoint = await createEndpoint(admin, receiver, ['message.received'])
    const account = await createFakeAccount(admin.organizationId)

    await postFakeWebhook(account, fakeInbound('+12025550142', 'Count me in'))
    await deliverAll()

    assert.lengthOf(receiver.received, 1)
    const [request] = receiver.received
    const verified = new Webhook(endpoint.secret).verify(request.body, headersOf(request)) as any
    assert.equal(verified.type, 'message.received')
    assert.equal(request.headers['webhook-id'], verified.id)
    assert.containSubset(verified.data, {
      message: { body: 'Count me in', from: '+12025550142' },
      contact: { phone: '+12025550142' },
      campaignId: null,
    })
    assert.isNumber(verified.data.message.id)
    assert.isNumber(verified.data.contact.id)

    const [delivery] = await db.from('webhook_deliveries').where('endpoint_id', endpoint.id)
    assert.equal(delivery.status, 'succeeded')
    assert.equal(delivery.response_status, 200)
    assert.equal(delivery.attempts, 1)
  })

  test('a failure is retried with backoff under the same webhook-id, first retry within 30 s', async ({
    assert,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const receiver = await startReceiver(cleanup)
    const endpoint = await createEndpoint(admin, receiver)
    receiver.status = 500
    await contactEvent(admin, 1, 'first')

    await deliverAll()
    const [failed] = await db.from('webhook_deliveries').where('endpoint_id', endpoint.id)
    assert.equal(failed.status, 'pending')
    assert.equal(failed.attempts, 1)
    assert.equal(failed.response_status, 500)

    // Not due yet; due within 30 s.
    await deliverAll()
    assert.lengthOf(receiver.received, 1)
    clock.travel(30_000)
    await deliverAll()
    assert.lengthOf(receiver.received, 2)

    // Each wait is longer than the last (30 s ± 20 % after the second failure).
    const [second] = await db.from('webhook_deliveries').where('endpoint_id', endpoint.id)
    const waitMs =
      new Date(second.next_attempt_at).getTime() - new Date(second.last_attempt_at).getTime()
    assert.isAtLeast(waitMs, 23_000)
    assert.isAtMost(waitMs, 37_000)
    clock.travel(5_000)
    await deliverAll()
    assert.lengthOf(receiver.received, 2)
    clock.travel(HOUR)
    receiver.status = 204
    await deliverAll()
    assert.lengthOf(receiver.received, 3)

    const ids = receiver.received.map((request) => request.headers['webhook-id'])
    assert.lengthOf(new Set(ids), 1)
    const [done] = await db.from('webhook_deliveries').where('endpoint_id', endpoint.id)
    assert.equal(done.status, 'succeeded')
    assert.equal(done.attempts, 3)
    const fresh = await WebhookEndpoint.findOrFail(endpoint.id)
    assert.isNull(fresh.failingSince)
  })

  test('a redirect is not followed: it counts as a failed attempt', async ({ assert, cleanup }) => {
    const admin = await createMember('admin')
    const receiver = await startReceiver(cleanup)
    const endpoint = await createEndpoint(admin, receiver)
    receiver.status = 307
    await contactEvent(admin, 1, 'moved')
    await deliverAll()

    assert.lengthOf(receiver.received, 1)
    const [delivery] = await db.from('webhook_deliveries').where('endpoint_id', endpoint.id)
    assert.equal(delivery.status, 'pending')
    assert.equal(delivery.response_status, 307)
  })

  test('410 Gone disables the endpoint, with an audit event', async ({ assert, cleanup }) => {
    const admin = await createMember('admin')
    const receiver = await startReceiver(cleanup)
    const endpoint = await createEndpoint(admin, receiver)
    receiver.status = 410
    await contactEvent(admin, 1, 'gone')
    await deliverAll()

    const fresh = await WebhookEndpoint.findOrFail(endpoint.id)
    assert.isFalse(fresh.enabled)
    assert.include(fresh.disabledReason!, '410')
    const [delivery] = await db.from('webhook_deliveries').where('endpoint_id', endpoint.id)
    assert.equal(delivery.status, 'failed')
    const audit = await AuditEvent.query()
      .where('action', 'webhook_endpoint.disabled')
      .where('subject_id', endpoint.id)
      .firstOrFail()
    assert.equal(audit.organizationId, admin.organizationId)

    // Nothing more goes to it.
    await contactEvent(admin, 1, 'after')
    await deliverAll()
    assert.lengthOf(receiver.received, 1)
  })

  test('an endpoint failing for a day is disabled with an audit event; retries last 24 h', async ({
    assert,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const receiver = await startReceiver(cleanup)
    const endpoint = await createEndpoint(admin, receiver)
    receiver.status = 503
    await contactEvent(admin, 1, 'down')

    const deliveryStatus = async () => {
      const delivery = await db.from('webhook_deliveries').where('endpoint_id', endpoint.id).first()
      return delivery.status
    }
    const stillEnabled = async () => {
      const fresh = await WebhookEndpoint.findOrFail(endpoint.id)
      return fresh.enabled
    }
    let hours = 0
    while ((await stillEnabled()) && hours < 36) {
      await deliverAll()
      clock.travel(HOUR)
      hours++
      if (hours < 24) assert.equal(await deliveryStatus(), 'pending')
    }
    // Retried for at least a day, and given up within the next (capped) wait.
    assert.isAtLeast(hours, 24)
    assert.isAtMost(hours, 30)

    const fresh = await WebhookEndpoint.findOrFail(endpoint.id)
    assert.isFalse(fresh.enabled)
    assert.include(fresh.disabledReason!, '24 hours')
    assert.equal(await deliveryStatus(), 'failed')
    assert.isAbove(receiver.received.length, 5)
    assert.lengthOf(new Set(receiver.received.map((request) => request.headers['webhook-id'])), 1)
    await AuditEvent.query()
      .where('action', 'webhook_endpoint.disabled')
      .where('subject_id', endpoint.id)
      .firstOrFail()
  })

  test('events about one contact arrive in order, even when an earlier one is retried', async ({
    assert,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const receiver = await startReceiver(cleanup)
    await createEndpoint(admin, receiver)
    receiver.status = 500
    await contactEvent(admin, 7, 'one')
    await deliverAll()
    await contactEvent(admin, 7, 'two')
    await contactEvent(admin, 8, 'other contact')
    receiver.status = 200
    await deliverAll()
    // "two" waits behind "one"; another contact's event does not.
    assert.deepEqual(
      receiver.events().map((event) => event.data.note),
      ['one', 'other contact']
    )
    clock.travel(60_000)
    await deliverAll()
    assert.deepEqual(
      receiver.events().map((event) => event.data.note),
      ['one', 'other contact', 'one', 'two']
    )
  })

  test('a delivery whose worker died is retried when its lease expires, with the same webhook-id', async ({
    assert,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const receiver = await startReceiver(cleanup)
    const endpoint = await createEndpoint(admin, receiver)
    await contactEvent(admin, 1, 'in flight')
    const [{ public_id: webhookId }] = await db
      .from('domain_events')
      .where('type', 'contact.updated')

    // A worker claimed it, then its process died before recording anything.
    const { claimDue } = await import('#services/outbound_webhooks/queue')
    const claimed = await claimDue('dead-worker#1', 10, clock.now())
    assert.lengthOf(claimed, 1)
    await deliverAll()
    assert.lengthOf(receiver.received, 0)

    clock.travel((webhooksConfig.leaseSeconds + 1) * 1000)
    await deliverAll()
    assert.lengthOf(receiver.received, 1)
    assert.equal(receiver.received[0].headers['webhook-id'], webhookId)
    const [delivery] = await db.from('webhook_deliveries').where('endpoint_id', endpoint.id)
    assert.equal(delivery.status, 'succeeded')
  })

  test('private targets are refused at delivery time unless allowed', async ({
    assert,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const receiver = await startReceiver(cleanup)
    const endpoint = await createEndpoint(admin, receiver)
    await contactEvent(admin, 1, 'to localhost')

    webhooksConfig.allowPrivateTargets = false
    cleanup(() => {
      webhooksConfig.allowPrivateTargets = true
    })
    await new WebhookDeliverer().drainOnce()
    assert.lengthOf(receiver.received, 0)
    const [delivery] = await db.from('webhook_deliveries').where('endpoint_id', endpoint.id)
    assert.equal(delivery.status, 'pending')
    assert.isNull(delivery.response_status)
    assert.include(delivery.response_body, 'private or internal address')
  })
})

test.group('Outbound webhooks | concurrent workers', () => {
  test('several workers draining one queue never deliver an event twice', async ({
    assert,
    cleanup,
  }) => {
    // No global transaction here: each worker claims on its own connection.
    const admin = await createMember('admin')
    cleanup(async () => {
      await Organization.query().where('id', admin.organizationId).delete()
      await User.query().where('id', admin.userId).delete()
    })
    const receiver = await startReceiver(cleanup)
    await createEndpoint(admin, receiver)
    for (let contactId = 1; contactId <= 60; contactId++) {
      await contactEvent(admin, contactId, `contact ${contactId}`)
    }

    const workers = [1, 2, 3].map(() => new WebhookDeliverer())
    await Promise.all(workers.map((worker) => deliverAll(worker)))

    const ids = receiver.received.map((request) => request.headers['webhook-id'])
    assert.lengthOf(ids, 60)
    assert.lengthOf(new Set(ids), 60)
  })
})
