import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { Webhook } from 'standardwebhooks'
import WebhookEndpoint from '#models/webhook_endpoint'
import webhooksConfig from '#config/webhooks'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc, assertMatchesWebhookDoc } from '#tests/helpers/openapi'
import { deliverAll, startReceiver } from '#tests/helpers/webhook_receiver'

test.group('Outbound webhooks | endpoints API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin adds an endpoint: 201 with the secret once, encrypted at rest', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const receiver = await startReceiver(cleanup)
    const created = await client
      .post('/api/v1/webhook-endpoints')
      .bearerToken(token)
      .json({ url: receiver.url, events: ['message.received', 'opt_out.created'] })
    created.assertStatus(201)
    assertMatchesApiDoc(created)
    const body = created.body()
    assert.match(body.secret, /^whsec_[A-Za-z0-9+/=]{40,}$/)
    assert.containSubset(body, { url: receiver.url, enabled: true })

    const row = await db.from('webhook_endpoints').where('id', body.id).firstOrFail()
    assert.notInclude(row.secret, body.secret.slice(6))
    const stored = await WebhookEndpoint.findOrFail(body.id)
    assert.equal(stored.secret, body.secret)

    for (const response of [
      await client.get('/api/v1/webhook-endpoints').bearerToken(token),
      await client.get(`/api/v1/webhook-endpoints/${body.id}`).bearerToken(token),
      await client
        .patch(`/api/v1/webhook-endpoints/${body.id}`)
        .bearerToken(token)
        .json({ events: ['survey.answered'], enabled: false }),
    ]) {
      response.assertStatus(200)
      assertMatchesApiDoc(response)
      assert.notInclude(response.text(), body.secret)
    }
    const fresh = await WebhookEndpoint.findOrFail(body.id)
    assert.deepEqual(fresh.events, ['survey.answered'])
    assert.isFalse(fresh.enabled)

    const removed = await client.delete(`/api/v1/webhook-endpoints/${body.id}`).bearerToken(token)
    removed.assertStatus(204)
    assertMatchesApiDoc(removed)
    assert.isNull(await WebhookEndpoint.find(body.id))
  })

  test('validation: unknown events, a missing URL, a non-http URL', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const cases = [
      { url: 'https://example.com/hook', events: ['message.sent'] },
      { events: ['message.received'] },
      { url: 'ftp://example.com/hook', events: ['message.received'] },
      { url: 'https://example.com/hook', events: [] },
    ]
    for (const payload of cases) {
      const response = await client
        .post('/api/v1/webhook-endpoints')
        .bearerToken(token)
        .json(payload)
      response.assertStatus(422)
      assertMatchesApiDoc(response)
    }
    assert.lengthOf(await WebhookEndpoint.forOrganization(admin.organizationId), 0)
  })

  test('private, loopback and metadata targets are refused with 422 unless allowed', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    webhooksConfig.allowPrivateTargets = false
    cleanup(() => {
      webhooksConfig.allowPrivateTargets = true
    })
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://10.1.2.3/hook',
      'http://192.168.1.20/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
    ]) {
      const response = await client
        .post('/api/v1/webhook-endpoints')
        .bearerToken(token)
        .json({ url, events: ['message.received'] })
      response.assertStatus(422)
      assertMatchesApiDoc(response)
      assert.deepEqual(
        response.body().errors.map((error: { field: string }) => error.field),
        ['url'],
        url
      )
    }

    webhooksConfig.allowPrivateTargets = true
    const allowed = await client
      .post('/api/v1/webhook-endpoints')
      .bearerToken(token)
      .json({ url: 'http://127.0.0.1:8080/hook', events: ['message.received'] })
    allowed.assertStatus(201)
  })

  test('texters may not manage endpoints; another organization’s are not found', async ({
    client,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const receiver = await startReceiver(cleanup)
    const created = await client
      .post('/api/v1/webhook-endpoints')
      .bearerToken(await apiTokenFor(admin))
      .json({ url: receiver.url, events: ['message.received'] })
    const id = created.body().id

    const texter = await createMember('texter', { organization: admin.organization })
    const refused = await client
      .get('/api/v1/webhook-endpoints')
      .bearerToken(await apiTokenFor(texter))
    refused.assertStatus(403)
    assertMatchesApiDoc(refused)

    const outsider = await apiTokenFor(await createMember('owner'))
    for (const response of [
      await client.get(`/api/v1/webhook-endpoints/${id}`).bearerToken(outsider),
      await client
        .patch(`/api/v1/webhook-endpoints/${id}`)
        .bearerToken(outsider)
        .json({ enabled: false }),
      await client.delete(`/api/v1/webhook-endpoints/${id}`).bearerToken(outsider),
      await client.post(`/api/v1/webhook-endpoints/${id}/test`).bearerToken(outsider),
      await client.get(`/api/v1/webhook-endpoints/${id}/deliveries`).bearerToken(outsider),
    ]) {
      response.assertStatus(404)
      assertMatchesApiDoc(response)
    }
  })

  test('a test event is delivered, signed, logged; "send again" keeps its webhook-id', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const receiver = await startReceiver(cleanup)
    const created = await client
      .post('/api/v1/webhook-endpoints')
      .bearerToken(token)
      .json({ url: receiver.url, events: ['message.received'] })
    const { id, secret } = created.body()

    const queued = await client.post(`/api/v1/webhook-endpoints/${id}/test`).bearerToken(token)
    queued.assertStatus(202)
    assertMatchesApiDoc(queued)
    receiver.answer = 'x'.repeat(3000)
    await deliverAll()

    assert.lengthOf(receiver.received, 1)
    const [request] = receiver.received
    assertMatchesWebhookDoc(request.body)
    new Webhook(secret).verify(request.body, request.headers as Record<string, string>)
    assert.equal(request.headers['webhook-id'], queued.body().webhookId)

    const log = await client.get(`/api/v1/webhook-endpoints/${id}/deliveries`).bearerToken(token)
    log.assertStatus(200)
    assertMatchesApiDoc(log)
    const [entry] = log.body().data
    assert.containSubset(entry, {
      webhookId: queued.body().webhookId,
      eventType: 'webhook.test',
      status: 'succeeded',
      attempts: 1,
      responseStatus: 200,
    })
    assert.lengthOf(entry.responseBody, 1024)
    assert.isAtLeast(entry.durationMs, 0)

    const again = await client
      .post(`/api/v1/webhook-endpoints/${id}/deliveries/${entry.id}/resend`)
      .bearerToken(token)
    again.assertStatus(202)
    assertMatchesApiDoc(again)
    await deliverAll()
    assert.lengthOf(receiver.received, 2)
    assert.equal(receiver.received[1].headers['webhook-id'], queued.body().webhookId)
    new Webhook(secret).verify(
      receiver.received[1].body,
      receiver.received[1].headers as Record<string, string>
    )

    const missing = await client
      .post(`/api/v1/webhook-endpoints/${id}/deliveries/999999/resend`)
      .bearerToken(token)
    missing.assertStatus(404)
    assertMatchesApiDoc(missing)
  })
})
