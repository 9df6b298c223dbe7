import { test } from '@japa/runner'
import twilioPlugin from '#plugins/twilio/index'
import telnyxPlugin from '#plugins/telnyx/index'
import type { SmsAccountConfig, SmsClientContract } from '#sms/types'
import { startPrism, PRISM_PORTS, type PrismMock } from '#tests/plugins/prism'
import { startCaptureServer } from '#tests/plugins/capture_server'
import { formBodyErrors, parameterErrors } from '#tests/plugins/openapi_request'
import { ACCOUNT_SID } from '#tests/fixtures/twilio/payloads'

const STATUSES = ['queued', 'sent', 'delivered', 'undelivered', 'failed']
const MESSAGING_SERVICE_SID = 'MG' + '0'.repeat(31) + '2'

/**
 * The requests the Twilio and Telnyx plugins make, checked against the
 * providers' official OpenAPI documents: Prism runs with --errors, so a
 * request the spec does not allow is answered 422 (Twilio: 401 without
 * Basic auth) and the plugin's call fails.
 */
const WEBHOOKS = {
  inbound: 'https://texting.example.org/webhooks/x/1/inbound',
  status: 'https://texting.example.org/webhooks/x/1/status',
}

function twilioAccount(apiBaseUrl: string, credentials: Record<string, string> = {}) {
  const config: SmsAccountConfig = {
    pluginId: 'twilio',
    accountId: 1,
    credentials: { accountSid: ACCOUNT_SID, authToken: 'contract-token', ...credentials },
    settings: { apiBaseUrl },
    webhookUrls: WEBHOOKS,
  }
  return twilioPlugin.createClient(config)
}

function telnyxAccount(apiBaseUrl: string, credentials: Record<string, string> = {}) {
  const config: SmsAccountConfig = {
    pluginId: 'telnyx',
    accountId: 1,
    credentials: { apiKey: 'KEY_contract', publicKey: '', ...credentials },
    settings: { apiBaseUrl },
    webhookUrls: WEBHOOKS,
  }
  return telnyxPlugin.createClient(config)
}

test.group('Contract | Twilio requests match the official spec', (group) => {
  let prism: PrismMock
  let client: SmsClientContract
  group.setup(async () => {
    prism = await startPrism('twilio', PRISM_PORTS.twilio)
    client = twilioAccount(prism.url)
    return () => prism.stop()
  })

  test('the mock refuses a request the spec does not allow', async ({ assert }) => {
    const response = await fetch(`${prism.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, {
      method: 'POST',
      headers: {
        'authorization': `Basic ${Buffer.from(`${ACCOUNT_SID}:t`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'Body=no+recipient',
    })
    assert.equal(response.status, 422)
  })

  test('send from a number with a status callback', async ({ assert }) => {
    const result = await client.send({
      to: '+12025550123',
      from: '+12025550100',
      body: 'Hi Ana, it is Sam.',
      messageId: 1,
    })
    assert.match(result.providerMessageId, /^SM/)
    assert.equal(result.status, 'queued')
  })

  test('send through a messaging service', async ({ assert }) => {
    const pooled = twilioAccount(prism.url, { messagingServiceSid: MESSAGING_SERVICE_SID })
    const result = await pooled.send({ to: '+12025550123', body: 'Hi 👋', messageId: 2 })
    assert.isNotEmpty(result.providerMessageId)
  })

  test('fetch a message status', async ({ assert }) => {
    assert.oneOf(await client.fetchStatus!('SM' + 'a'.repeat(32)), STATUSES)
  })

  test('the lookup of sent texts is a request the spec allows', async ({ assert }) => {
    // Prism cannot answer it (the spec's example list fails the spec's own response schema),
    // so the request the SDK makes is captured, then replayed to Prism for judging.
    const recorder = await startCaptureServer(PRISM_PORTS.capture, {
      status: 200,
      body: { messages: [], page: 0, page_size: 100, next_page_uri: null },
    })
    try {
      await twilioAccount(recorder.url).lookupSent!({
        to: '+12025550123',
        from: '+12025550100',
        since: new Date(),
      })
    } finally {
      await recorder.stop()
    }
    const [sent] = recorder.requests
    const judged = await fetch(`${prism.url}${sent.url}`, {
      headers: { authorization: String(sent.headers.authorization) },
    })
    const verdict = (await judged.json()) as { validation?: Array<{ location: string[] }> }
    assert.notEqual(judged.status, 422)
    assert.notEqual(judged.status, 401)
    const requestFaults = (verdict.validation ?? []).filter(
      ({ location }) => location[0] === 'request'
    )
    assert.deepEqual(requestFaults, [])

    // Prism does judge requests: the same one asking for pages of 0 (the spec's minimum is 1) is refused.
    const refused = await fetch(`${prism.url}${sent.url.replace('PageSize=100', 'PageSize=0')}`, {
      headers: { authorization: String(sent.headers.authorization) },
    })
    assert.equal(refused.status, 422)
  })
})

test.group('Contract | Twilio MMS and credential checks', () => {
  test('the credential check is a request the spec allows', async ({ assert }) => {
    // Prism cannot answer it: the spec's example list of numbers fails the spec's own schema.
    const recorder = await startCaptureServer(PRISM_PORTS.capture, {
      status: 200,
      body: { incoming_phone_numbers: [], page: 0, page_size: 1, start: 0, end: 0 },
    })
    try {
      await twilioAccount(recorder.url).verifyCredentials!()
    } finally {
      await recorder.stop()
    }
    const [sent] = recorder.requests
    assert.equal(sent.method, 'GET')
    assert.deepEqual(
      parameterErrors(
        'twilio',
        '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json',
        'get',
        sent.url
      ),
      []
    )
    // The check is not a rubber stamp: an undeclared parameter or a malformed SID fails it.
    assert.isNotEmpty(
      parameterErrors(
        'twilio',
        '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json',
        'get',
        `${sent.url}&Colour=blue`
      )
    )
    assert.isNotEmpty(
      parameterErrors(
        'twilio',
        '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json',
        'get',
        sent.url.replace(ACCOUNT_SID, 'AC123')
      )
    )
  })

  test('the lookup asks for one page by To and From, and keeps our outbound texts since then', async ({
    assert,
  }) => {
    const message = (sid: string, direction: string, created: string, status = 'delivered') => ({
      sid,
      direction,
      status,
      body: 'Hi Ana',
      to: '+12025550123',
      from: '+12025550100',
      date_created: created,
    })
    const recorder = await startCaptureServer(PRISM_PORTS.capture, {
      status: 200,
      body: {
        messages: [
          message('SM' + '1'.repeat(32), 'outbound-api', 'Sat, 05 Dec 2026 10:00:00 +0000'),
          message('SM' + '2'.repeat(32), 'inbound', 'Sat, 05 Dec 2026 10:01:00 +0000', 'received'),
          message('SM' + '3'.repeat(32), 'outbound-api', 'Fri, 04 Dec 2026 10:00:00 +0000'),
        ],
        page: 0,
        page_size: 100,
        next_page_uri: null,
      },
    })
    let found
    try {
      found = await twilioAccount(recorder.url).lookupSent!({
        to: '+12025550123',
        from: '+12025550100',
        since: new Date('2026-12-05T09:00:00Z'),
      })
    } finally {
      await recorder.stop()
    }
    assert.deepEqual(found, [
      {
        providerMessageId: 'SM' + '1'.repeat(32),
        status: 'delivered',
        body: 'Hi Ana',
        acceptedAt: new Date('2026-12-05T10:00:00Z'),
      },
    ])
    assert.lengthOf(recorder.requests, 1)
    const [sent] = recorder.requests
    const query = new URL(sent.url, 'http://mock.invalid').searchParams
    assert.equal(query.get('To'), '+12025550123')
    assert.equal(query.get('From'), '+12025550100')
    assert.equal(query.get('PageSize'), '100')
    assert.deepEqual(
      parameterErrors('twilio', '/2010-04-01/Accounts/{AccountSid}/Messages.json', 'get', sent.url),
      []
    )
  })

  test('MMS repeats MediaUrl once per file, as the spec and Twilio define', async ({ assert }) => {
    const recorder = await startCaptureServer(PRISM_PORTS.capture, {
      status: 201,
      body: { sid: 'MM' + 'b'.repeat(32), status: 'queued' },
    })
    try {
      const pooled = twilioAccount(recorder.url, { messagingServiceSid: MESSAGING_SERVICE_SID })
      await pooled.send({
        to: '+12025550123',
        body: 'The flyers 👇',
        mediaUrls: ['https://texting.example.org/a.png', 'https://texting.example.org/b.png'],
        messageId: 3,
      })
    } finally {
      await recorder.stop()
    }
    const [sent] = recorder.requests
    assert.equal(sent.url, `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`)
    assert.deepEqual(new URLSearchParams(sent.body).getAll('MediaUrl'), [
      'https://texting.example.org/a.png',
      'https://texting.example.org/b.png',
    ])
    assert.deepEqual(
      formBodyErrors(
        'twilio',
        '/2010-04-01/Accounts/{AccountSid}/Messages.json',
        'post',
        sent.body
      ),
      []
    )
    // The validator is not a rubber stamp: the same body without its recipient fails.
    const withoutTo = new URLSearchParams(sent.body)
    withoutTo.delete('To')
    assert.isNotEmpty(
      formBodyErrors(
        'twilio',
        '/2010-04-01/Accounts/{AccountSid}/Messages.json',
        'post',
        withoutTo.toString()
      )
    )
  })
})

test.group('Contract | Twilio answers the plugin cannot use', (group) => {
  let prism: PrismMock
  group.setup(async () => {
    // Dynamic mode invents answers from the schema, which allows a null sid or an odd status.
    prism = await startPrism('twilio', PRISM_PORTS.twilioDynamic, { dynamic: true })
    return () => prism.stop()
  })

  test('a reply with a null sid is a classified failure', async ({ assert }) => {
    const recorder = await startCaptureServer(PRISM_PORTS.capture, {
      status: 201,
      body: { sid: null, status: 'queued', to: '+12025550123' },
    })
    try {
      const client = twilioAccount(recorder.url)
      const error = await client
        .send({ to: '+12025550123', from: '+12025550100', body: 'Hi', messageId: 1 })
        .catch((caught: unknown) => caught)
      assert.containSubset(client.classifyError(error), {
        errorClass: 'transient',
        code: 'invalid_response',
      })
    } finally {
      await recorder.stop()
    }
  })

  test('answers invented from the schema are results or classified failures', async ({
    assert,
  }) => {
    const client = twilioAccount(prism.url)
    for (let attempt = 0; attempt < 40; attempt++) {
      const outcome = await client
        .send({ to: '+12025550123', from: '+12025550100', body: 'Hi', messageId: attempt })
        .then(
          (result) => ({ result }),
          (error: unknown) => ({ error })
        )
      if ('result' in outcome) {
        assert.isNotEmpty(outcome.result.providerMessageId)
        assert.include(
          ['queued', 'sent', 'delivered', 'undelivered', 'failed'],
          outcome.result.status
        )
      } else {
        assert.containSubset(client.classifyError(outcome.error), {
          errorClass: 'transient',
          code: 'invalid_response',
        })
      }
    }
  })
})

test.group('Contract | Telnyx requests match the official spec', (group) => {
  let prism: PrismMock
  let client: SmsClientContract
  group.setup(async () => {
    prism = await startPrism('telnyx', PRISM_PORTS.telnyx)
    client = telnyxAccount(prism.url)
    return () => prism.stop()
  })

  test('the mock refuses a request the spec does not allow', async ({ assert }) => {
    const response = await fetch(`${prism.url}/messages`, {
      method: 'POST',
      headers: { 'authorization': 'Bearer KEY_contract', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'no recipient' }),
    })
    assert.equal(response.status, 422)
  })

  test('send from a number with a webhook URL', async ({ assert }) => {
    const result = await client.send({
      to: '+12025550123',
      from: '+12025550100',
      body: 'Hi Ana, it is Sam.',
      messageId: 1,
    })
    assert.isNotEmpty(result.providerMessageId)
    assert.include(['queued', 'sent'], result.status)
  })

  test('send MMS from a messaging profile', async ({ assert }) => {
    const pooled = telnyxAccount(prism.url, {
      messagingProfileId: '16fd2706-8baf-433b-82eb-8c7fada847da',
    })
    const result = await pooled.send({
      to: '+12025550123',
      body: 'The flyer 👇',
      mediaUrls: ['https://texting.example.org/flyer.png'],
      messageId: 2,
    })
    assert.isNotEmpty(result.providerMessageId)
  })

  test('fetch a message status and check credentials', async ({ assert }) => {
    const status = await client.fetchStatus!('40385f64-5717-4562-b3fc-2c963f66afa6')
    assert.oneOf(status, [...STATUSES, null])
    await client.verifyCredentials!()
  })
})
