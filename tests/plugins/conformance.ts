import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import sms from '#services/sms'
import type {
  ClassifiedError,
  SmsAccountConfig,
  SmsClientContract,
  WebhookEvent,
  WebhookRequest,
} from '#sms/types'
import type { ConformanceKit, UnsignedWebhook } from '#tests/plugins/kit'

const SLUG = /^[a-z][a-z0-9_-]{1,39}$/
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/
const STATUSES = ['queued', 'sent', 'delivered', 'undelivered', 'failed']
const ERROR_CLASSES = ['transient', 'recipient', 'configuration']
const CAPABILITIES = ['mms', 'senderPools', 'providerOptOut', 'fetchStatus', 'verifyCredentials']
/** Capabilities a manifest may leave out (absent means false). */
const OPTIONAL_CAPABILITIES = ['lookupSent', 'carrierSimulator', 'registration']

function request(webhook: UnsignedWebhook, headers: WebhookRequest['headers']): WebhookRequest {
  return {
    url: webhook.url,
    method: 'POST',
    headers,
    rawBody: webhook.rawBody,
    body:
      webhook.contentType === 'application/json'
        ? JSON.parse(webhook.rawBody)
        : Object.fromEntries(new URLSearchParams(webhook.rawBody)),
  }
}

/** Changes the first digit of the body: someone rewrote a number or an id. */
function tamper(rawBody: string) {
  return rawBody.replace(/\d/, (digit) => String((Number(digit) + 1) % 10))
}

function assertClassified(assert: Assert, classified: ClassifiedError) {
  assert.include(ERROR_CLASSES, classified.errorClass)
  assert.isString(classified.code)
  assert.isNotEmpty(classified.code)
  assert.isString(classified.message)
}

function assertEvent(assert: Assert, event: WebhookEvent) {
  assert.include(['inbound', 'status'], event.type)
  assert.isString(event.providerMessageId)
  assert.isNotEmpty(event.providerMessageId)
  if (event.type === 'inbound') {
    assert.isString(event.from)
    assert.isString(event.to)
    assert.isString(event.body)
    assert.isArray(event.mediaUrls)
  } else {
    assert.include(STATUSES, event.status)
    if (event.error) assertClassified(assert, event.error)
  }
}

/**
 * The checks every SMS plugin must pass, driven by its conformance kit.
 */
export function conformanceSuite(id: string, kit: ConformanceKit) {
  test.group(`Plugin conformance | ${id}`, (group) => {
    let config: SmsAccountConfig
    let client: SmsClientContract

    group.setup(async () => {
      const prepared = await kit.setup()
      config = prepared.config
      // The plugin's own client, not the manager's guarded one: the contract is the plugin's to keep.
      const plugin = await sms.plugin(id)
      client = plugin.createClient(config)
      return async () => {
        await prepared.cleanup?.()
      }
    })

    test('manifest is well formed', async ({ assert }) => {
      const { manifest } = await sms.plugin(id)
      assert.equal(manifest.id, id)
      assert.match(manifest.id, SLUG)
      assert.isNotEmpty(manifest.displayName.trim())
      for (const fields of [manifest.credentialFields, manifest.settingFields]) {
        const names = fields.map((field) => field.name)
        assert.lengthOf(new Set(names), names.length, 'field names are unique')
        for (const field of fields) {
          assert.match(field.name, FIELD_NAME)
          assert.isNotEmpty(field.label.trim(), `${field.name} has a label`)
          assert.isBoolean(field.secret)
          assert.isBoolean(field.required)
          if (field.pattern) assert.doesNotThrow(() => new RegExp(field.pattern!))
        }
      }
      assert.isNotEmpty(manifest.credentialFields, 'a provider needs some credential')
      const declared = Object.keys(manifest.capabilities)
      assert.includeMembers(declared, CAPABILITIES)
      assert.includeMembers([...CAPABILITIES, ...OPTIONAL_CAPABILITIES], declared)
      for (const capability of declared) {
        assert.isBoolean(manifest.capabilities[capability as keyof typeof manifest.capabilities])
      }
    })

    test('declared capabilities come with their methods', async ({ assert }) => {
      const { manifest } = await sms.plugin(id)
      assert.equal(manifest.capabilities.fetchStatus, typeof client.fetchStatus === 'function')
      assert.equal(
        manifest.capabilities.verifyCredentials,
        typeof client.verifyCredentials === 'function'
      )
      assert.equal(
        manifest.capabilities.lookupSent ?? false,
        typeof client.lookupSent === 'function'
      )
      assert.equal(
        manifest.capabilities.registration ?? false,
        ['submitBrand', 'submitCampaign', 'brandStatus', 'campaignStatus', 'linkSenders'].every(
          (method) => typeof (client.registration as any)?.[method] === 'function'
        )
      )
    })

    test('a lookup answers the texts the provider accepted, or a classified failure', async ({
      assert,
    }) => {
      if (!client.lookupSent) return
      const since = new Date(Date.now() - 60_000)
      const sent = await client.send(kit.outbound).catch(() => null)
      const outcome = await client
        .lookupSent({ to: kit.outbound.to, from: kit.outbound.from, since })
        .then(
          (texts) => ({ texts }),
          (error: unknown) => ({ error })
        )
      if ('error' in outcome) {
        assertClassified(assert, client.classifyError(outcome.error))
        assert.isFalse(!!kit.lookupFindsSends, 'the lookup failed where it must find the text')
        return
      }
      const found = outcome.texts
      assert.isArray(found)
      for (const text of found) {
        assert.isString(text.providerMessageId)
        assert.isNotEmpty(text.providerMessageId)
        assert.include(STATUSES, text.status)
        if (text.body !== undefined) assert.isString(text.body)
      }
      // A provider that keeps what it sent (the fake carrier) finds the text just sent.
      if (sent && kit.lookupFindsSends) {
        assert.include(
          found.map((text) => text.providerMessageId),
          sent.providerMessageId
        )
      }
    })

    test('send returns a provider message id and status, or a classified failure', async ({
      assert,
    }) => {
      const outcome = await client.send(kit.outbound).then(
        (result) => ({ result }),
        (error: unknown) => ({ error })
      )
      if ('error' in outcome) {
        assertClassified(assert, client.classifyError(outcome.error))
        return
      }
      assert.isString(outcome.result.providerMessageId)
      assert.isNotEmpty(outcome.result.providerMessageId)
      assert.include(STATUSES, outcome.result.status)
    })

    test('signed webhooks verify and parse to normalized events', ({ assert }) => {
      for (const webhook of kit.webhooks(config)) {
        const signed = request(webhook, kit.sign(webhook, config.credentials))
        assert.isTrue(client.verifyWebhook(signed), `${webhook.name} verifies`)
        const events = client.parseWebhook(signed)
        assert.lengthOf(events, webhook.expected.length, `${webhook.name} events`)
        events.forEach((event, index) => {
          assertEvent(assert, event)
          for (const [key, value] of Object.entries(webhook.expected[index])) {
            assert.deepEqual(
              event[key as keyof WebhookEvent],
              value as never,
              `${webhook.name}: ${key}`
            )
          }
        })
      }
    })

    test('a tampered body is refused', ({ assert }) => {
      for (const webhook of kit.webhooks(config)) {
        const headers = kit.sign(webhook, config.credentials)
        const forged = request({ ...webhook, rawBody: tamper(webhook.rawBody) }, headers)
        assert.isFalse(client.verifyWebhook(forged), `${webhook.name} with a tampered body`)
      }
    })

    test('a signature made with other credentials, or none, is refused', ({ assert }) => {
      for (const webhook of kit.webhooks(config)) {
        const forged = request(webhook, kit.sign(webhook, kit.otherCredentials))
        assert.isFalse(client.verifyWebhook(forged), `${webhook.name} signed by another account`)
        const unsigned = request(webhook, { 'content-type': webhook.contentType })
        assert.isFalse(client.verifyWebhook(unsigned), `${webhook.name} without a signature`)
      }
    })

    if (kit.replayWindowSeconds !== undefined) {
      const window = kit.replayWindowSeconds
      test('a stale or future timestamp is refused', ({ assert }) => {
        const [webhook] = kit.webhooks(config)
        const at = (seconds: number) => new Date(Date.now() + seconds * 1000)
        const fresh = kit.sign(webhook, config.credentials, at(-(window - 30)))
        assert.isTrue(client.verifyWebhook(request(webhook, fresh)), 'inside the window')
        const stale = kit.sign(webhook, config.credentials, at(-(window + 30)))
        assert.isFalse(client.verifyWebhook(request(webhook, stale)), 'older than the window')
        const future = kit.sign(webhook, config.credentials, at(window + 30))
        assert.isFalse(client.verifyWebhook(request(webhook, future)), 'from the future')
      })
    }

    test(
      kit.signsUrl
        ? 'a request signed for another URL is refused'
        : 'the signature does not depend on the URL (proxies may rewrite it)',
      ({ assert }) => {
        const [webhook] = kit.webhooks(config)
        const headers = kit.sign(webhook, config.credentials)
        const elsewhere = request({ ...webhook, url: `${webhook.url}-elsewhere` }, headers)
        assert.equal(client.verifyWebhook(elsewhere), !kit.signsUrl)
      }
    )

    test('documented errors are classified', ({ assert }) => {
      assert.isNotEmpty(kit.errors)
      for (const { error, expected } of kit.errors) {
        const classified = client.classifyError(error)
        assertClassified(assert, classified)
        assert.containSubset(classified, expected, JSON.stringify(error))
      }
    })

    test('anything else thrown is still classified, never rethrown', ({ assert }) => {
      for (const error of [new Error('boom'), undefined, null, 'text', { status: 'weird' }]) {
        assertClassified(assert, client.classifyError(error))
      }
    })
  })
}
