import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import sms from '#services/sms'
import { Dispatcher } from '#services/outbox/dispatcher'
import { queueMessage } from '#services/outbox/enqueue'
import { createMember } from '#tests/helpers/members'
import { createFakeAccount, SENDER } from '#tests/helpers/messaging'
import { textersOnline } from '#services/realtime/live_streams'

const TOKEN = 'metrics-token-for-tests-0123456789'

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, series: string) {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

function disableMetrics() {
  env.set('METRICS_TOKEN', '')
  delete process.env.METRICS_TOKEN
}

test.group('Metrics | access', (group) => {
  group.each.teardown(disableMetrics)

  test('is not there unless METRICS_TOKEN is set', async ({ client }) => {
    disableMetrics()
    const response = await client.get('/metrics').header('Authorization', `Bearer ${TOKEN}`)
    response.assertStatus(404)
  })

  test('needs the bearer token once enabled', async ({ client, assert }) => {
    env.set('METRICS_TOKEN', TOKEN)

    const missing = await client.get('/metrics')
    missing.assertStatus(401)
    assert.equal(missing.header('www-authenticate'), 'Bearer')
    const wrong = await client.get('/metrics').header('Authorization', `Bearer ${TOKEN}x`)
    wrong.assertStatus(401)
    const notBearer = await client.get('/metrics').header('Authorization', `Basic ${TOKEN}`)
    notBearer.assertStatus(401)

    const right = await client.get('/metrics').header('Authorization', `Bearer ${TOKEN}`)
    right.assertStatus(200)
    assert.match(right.header('content-type') ?? '', /^text\/plain/)
    assert.notProperty(right.headers(), 'set-cookie')
  })
})

test.group('Metrics | figures', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => env.set('METRICS_TOKEN', TOKEN))
  group.each.teardown(disableMetrics)
  group.each.teardown(() => sms.restore())

  async function scrape(client: ApiClient) {
    const response = await client.get('/metrics').header('Authorization', `Bearer ${TOKEN}`)
    response.assertStatus(200)
    return response.text()
  }

  test('queue depths count the outbox, jobs and unprocessed webhooks', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    for (const to of ['+12025550170', '+12025550171']) {
      await queueMessage({
        organizationId: owner.organizationId,
        providerAccountId: account.id,
        from: SENDER,
        to,
        body: 'Hello',
      })
    }

    const text = await scrape(client)
    assert.equal(sample(text, 'porchlight_outbox_pending'), 2)
    assert.equal(sample(text, 'porchlight_jobs_pending{kind="imports"}'), 0)
    assert.equal(sample(text, 'porchlight_jobs_pending{kind="exports"}'), 0)
    assert.equal(sample(text, 'porchlight_webhook_events_pending'), 0)
    // Streams other tests of this process left open count too: the figure is the process's own.
    assert.equal(sample(text, 'porchlight_texters_online'), textersOnline())
    assert.isAbove(sample(text, 'porchlight_process_resident_memory_bytes')!, 0)
    for (const name of text.match(/^[a-z_]+(?=[ {])/gm)!) assert.match(name, /^porchlight_/)
  })

  test('sends are timed and provider errors counted by class', async ({ client, assert }) => {
    sms
      .fake()
      .failWhen(
        { to: '+12025550173' },
        { errorClass: 'recipient', kind: 'landline', code: '30006', message: 'Landline' }
      )
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)
    const before = await scrape(client)
    const count = (text: string, series: string) => sample(text, series) ?? 0
    for (const to of ['+12025550172', '+12025550173']) {
      await queueMessage({
        organizationId: owner.organizationId,
        providerAccountId: account.id,
        from: SENDER,
        to,
        body: 'Hello',
      })
    }

    await new Dispatcher().drainOnce()

    const after = await scrape(client)
    const sent = 'porchlight_send_duration_seconds_count{outcome="sent"}'
    const refused = 'porchlight_send_duration_seconds_count{outcome="recipient"}'
    const errors = 'porchlight_provider_errors_total{class="recipient"}'
    assert.equal(count(after, sent) - count(before, sent), 1)
    assert.equal(count(after, refused) - count(before, refused), 1)
    assert.equal(count(after, errors) - count(before, errors), 1)
    assert.equal(sample(after, 'porchlight_outbox_pending'), 0)
  })
})
