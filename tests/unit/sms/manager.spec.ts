import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import smsConfig from '#config/sms'
import { defineConfig, type ResolvedSmsConfig, type SmsPluginSource } from '#sms/define_config'
import { SmsManager } from '#sms/manager'
import { E_SMS_SEND_FAILED, E_UNKNOWN_SMS_PLUGIN } from '#sms/errors'
import type { SmsAccountConfig } from '#sms/types'

async function managerWith(plugins: Record<string, SmsPluginSource>) {
  return managerOf(defineConfig({ plugins }))
}

async function managerOf(provider: ReturnType<typeof defineConfig>) {
  const config = await configProvider.resolve<ResolvedSmsConfig>(app, provider)
  return new SmsManager(config!)
}

function exampleAccount(overrides: Partial<SmsAccountConfig> = {}): SmsAccountConfig {
  return {
    pluginId: 'example',
    accountId: 7,
    credentials: { token: 'secret' },
    settings: {},
    webhookUrls: { inbound: 'http://x/in', status: 'http://x/status' },
    ...overrides,
  }
}

const outbound = { to: '+12025550123', body: 'Hi', messageId: 1 }

test.group('SMS manager | registry', () => {
  test('register the plugins config/sms.ts lists, built-ins included', async ({ assert }) => {
    const manager = await managerOf(smsConfig)
    assert.deepEqual(manager.ids(), ['fake', 'twilio', 'telnyx'])
    assert.isTrue(manager.has('fake'))
    assert.isFalse(manager.has('nope'))
  })

  test('import a plugin only when it is first asked for', async ({ assert }) => {
    let imports = 0
    const manager = await managerWith({
      example: () => {
        imports++
        return import('#tests/fixtures/example_plugin/index')
      },
    })
    assert.deepEqual(manager.ids(), ['example'])
    assert.equal(imports, 0)
    await manager.plugin('example')
    await manager.plugin('example')
    assert.equal(imports, 1)
  })

  test('know only the plugins listed, built-ins being no exception', async ({ assert }) => {
    const manager = await managerWith({ example: './tests/fixtures/example_plugin' })
    assert.isFalse(manager.has('fake'))
    await assert.rejects(() => manager.plugin('fake'), E_UNKNOWN_SMS_PLUGIN as any)
  })

  test('throw an actionable error for an unknown plugin', async ({ assert }) => {
    const manager = await managerWith({})
    await assert.rejects(() => manager.plugin('bandwidth'), /register it in config\/sms.ts/)
    await assert.rejects(
      () => manager.client(exampleAccount({ pluginId: 'bandwidth' })),
      E_UNKNOWN_SMS_PLUGIN as any
    )
  })

  test('load a third-party plugin from a local folder', async ({ assert }) => {
    const manager = await managerWith({
      fake: () => import('#plugins/fake/index'),
      example: './tests/fixtures/example_plugin',
    })
    const plugin = await manager.plugin('example')
    assert.equal(plugin.manifest.displayName, 'Example plugin')
    const manifests = await manager.plugins()
    assert.includeMembers(
      manifests.map((manifest) => manifest.id),
      ['fake', 'example']
    )
  })

  test('list the plugins that declare a capability', async ({ assert }) => {
    const manager = await managerOf(smsConfig)
    assert.deepEqual(await manager.idsWith('carrierSimulator'), ['fake'])
    assert.deepEqual(await manager.idsWith('senderPools'), ['twilio', 'telnyx'])
    assert.deepEqual(await manager.idsWith('lookupSent'), ['fake', 'twilio'])
  })

  test('a plugin that cannot be imported has no capability', async ({ assert }) => {
    const manager = await managerWith({
      fake: () => import('#plugins/fake/index'),
      missing: 'porchlight-sms-does-not-exist',
    })
    assert.deepEqual(await manager.idsWith('carrierSimulator'), ['fake'])
  })

  test('refuse a plugin registered under another id than its manifest', async ({ assert }) => {
    const manager = await managerWith({ other: './tests/fixtures/example_plugin' })
    await assert.rejects(() => manager.plugin('other'), /its manifest id is "example"/)
  })

  test('explain a plugin that cannot be imported', async ({ assert }) => {
    const manager = await managerWith({ missing: 'porchlight-sms-does-not-exist' })
    await assert.rejects(
      () => manager.plugin('missing'),
      /cannot import "porchlight-sms-does-not-exist"/
    )
  })

  test('refuse malformed ids and sources', ({ assert }) => {
    assert.throws(() => defineConfig({ plugins: { Twilio2: 'x' } }), /Invalid SMS plugin id/)
    assert.throws(() => defineConfig({ plugins: { fake: '' } }), /needs a loader/)
    assert.throws(() => defineConfig({ plugins: { fake: {} as any } }), /needs a loader/)
  })

  test('explain a loader that fails', async ({ assert }) => {
    const manager = await managerWith({
      broken: () => Promise.reject(new Error('syntax error')),
    })
    await assert.rejects(() => manager.plugin('broken'), /its loader in config\/sms.ts failed/)
  })
})

test.group('SMS manager | clients', () => {
  test('reuse a client until the account config changes', async ({ assert }) => {
    const manager = await managerWith({ example: './tests/fixtures/example_plugin' })
    const first = await manager.client(exampleAccount())
    assert.strictEqual(await manager.client(exampleAccount()), first)
    assert.notStrictEqual(
      await manager.client(exampleAccount({ credentials: { token: 'rotated' } })),
      first
    )
    assert.notStrictEqual(await manager.client(exampleAccount({ accountId: 8 })), first)
  })

  test('deliver send failures as E_SMS_SEND_FAILED with the plugin classification', async ({
    assert,
  }) => {
    const manager = await managerWith({ example: './tests/fixtures/example_plugin' })
    const client = await manager.client(exampleAccount({ credentials: { token: 'broken' } }))
    const error = await client.send(outbound).catch((caught) => caught)
    assert.instanceOf(error, E_SMS_SEND_FAILED)
    assert.deepEqual(error.classified, {
      errorClass: 'configuration',
      code: 'example',
      message: 'refused',
    })
    assert.deepEqual(client.classifyError(error), error.classified)
  })

  test('treat a reply without a message id as a failed send', async ({ assert }) => {
    const manager = await managerWith({ example: './tests/fixtures/example_plugin' })
    const client = await manager.client(exampleAccount({ credentials: { token: 'no-id' } }))
    const error = await client.send(outbound).catch((caught) => caught)
    assert.instanceOf(error, E_SMS_SEND_FAILED)
    assert.equal(error.classified.code, 'invalid_response')
  })

  test('a verifier that throws refuses the request', async ({ assert }) => {
    const manager = await managerWith({ example: './tests/fixtures/example_plugin' })
    const client = await manager.client(exampleAccount())
    assert.isFalse(
      client.verifyWebhook({ url: 'http://x', method: 'POST', headers: {}, rawBody: '', body: {} })
    )
  })
})

test.group('SMS manager | fake', () => {
  test('record sends instead of calling the provider', async ({ assert }) => {
    const manager = await managerWith({ example: './tests/fixtures/example_plugin' })
    const recorder = manager.fake()
    const client = await manager.client(exampleAccount({ credentials: { token: 'broken' } }))
    const result = await client.send(outbound)
    assert.equal(result.status, 'queued')
    recorder.assertSent({ to: '+12025550123' })
    recorder.assertNotSent({ to: '+12025550999' })
    recorder.assertSentCount(1)
    assert.equal(recorder.sent[0].accountId, 7)

    manager.restore()
    await assert.rejects(() => client.send(outbound))
  })

  test('fail scripted sends the way a provider would', async ({ assert }) => {
    const manager = await managerWith({ example: './tests/fixtures/example_plugin' })
    const recorder = manager.fake().failWhen(
      { to: '+12015550101' },
      {
        errorClass: 'recipient',
        kind: 'landline',
        code: '30006',
        message: 'Landline',
      }
    )
    const client = await manager.client(exampleAccount())
    const error = await client.send({ ...outbound, to: '+12015550101' }).catch((e) => e)
    assert.equal(error.classified.kind, 'landline')
    recorder.assertNoneSent()
    assert.throws(() => recorder.assertSentCount(1), /Expected 1 SMS to be sent, 0 were/)
  })
})
