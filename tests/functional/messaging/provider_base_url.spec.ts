import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import AuditEvent from '#models/audit_event'
import { forgetAccount } from '#services/provider_accounts/clients'
import { startCaptureServer, type CapturedRequest } from '#tests/plugins/capture_server'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { asMember, fieldErrors } from '#tests/helpers/web'
import { ACCOUNT_SID } from '#tests/fixtures/twilio/payloads'
import { telnyxKeyPair } from '#tests/fixtures/telnyx/payloads'
import { urlFor } from '@adonisjs/core/services/url_builder'

const SENDER = '+12025550100'
const TELNYX_PUBLIC_KEY = telnyxKeyPair().publicKeyBase64

/** What the provider (or the impostor) answers: enough for every plugin's check to read. */
const ANSWER = {
  status: 200,
  body: { incoming_phone_numbers: [], data: [], meta: {}, page: 0, page_size: 1, start: 0, end: 0 },
}

type Plugin = {
  provider: string
  secretField: string
  label: string
  stored: Record<string, string>
  kept: Record<string, string>
}

/** Each plugin's stored credentials, the secret among them, and the form fields sent back. */
const PLUGINS: Plugin[] = [
  {
    provider: 'twilio',
    secretField: 'authToken',
    label: 'auth token',
    stored: { accountSid: ACCOUNT_SID, authToken: 'owner-twilio-auth-token' },
    kept: { accountSid: ACCOUNT_SID, authToken: '' },
  },
  {
    provider: 'telnyx',
    secretField: 'apiKey',
    label: 'API key',
    stored: { apiKey: 'KEY-owner-telnyx-api-key', publicKey: TELNYX_PUBLIC_KEY },
    kept: { apiKey: '', publicKey: TELNYX_PUBLIC_KEY },
  },
  {
    provider: 'fake',
    secretField: 'signingSecret',
    label: 'signing secret',
    stored: { signingSecret: 'owner-fake-signing-secret-0123' },
    kept: { signingSecret: '' },
  },
]

/** Whether any captured request carries `secret` (in a header, Basic auth included, or the body). */
function carries(requests: CapturedRequest[], secret: string) {
  return requests.some((request) => {
    const auth = String(request.headers.authorization ?? '')
    const basic = auth.startsWith('Basic ')
      ? Buffer.from(auth.slice(6), 'base64').toString('utf8')
      : ''
    return [JSON.stringify(request.headers), basic, request.body].some((part) =>
      part.includes(secret)
    )
  })
}

/**
 * An owner's account, set up for the provider at `apiBaseUrl` with the
 * owner's secret; an admin of the same organization is the attacker.
 */
/** The provider's server and a second host, both stopped after the test. */
async function providerAndAnotherHost(cleanup: (handler: () => Promise<void>) => void) {
  const provider = await startCaptureServer(0, ANSWER)
  const other = await startCaptureServer(0, ANSWER)
  cleanup(async () => {
    await Promise.all([provider.stop(), other.stop()])
  })
  return [provider, other] as const
}

async function ownersAccount(plugin: Plugin, apiBaseUrl: string) {
  const owner = await createMember('owner')
  const admin = await createMember('admin', { organization: owner.organization })
  const account = await ProviderAccount.create({
    organizationId: owner.organizationId,
    provider: plugin.provider,
    name: 'Main',
    credentials: plugin.stored,
    settings: { apiBaseUrl, deliveryDelayMs: '600000' },
    status: 'active',
  })
  forgetAccount(account.id)
  await SenderNumber.create({
    organizationId: owner.organizationId,
    providerAccountId: account.id,
    phone: SENDER,
  })
  return { admin, account }
}

test.group('Provider accounts | a new API base URL needs the secrets again', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('{provider}: pointing the account elsewhere with the secret left blank is refused')
    .with(PLUGINS)
    .run(async ({ client, assert, cleanup }, plugin) => {
      const [provider, impostor] = await providerAndAnotherHost(cleanup)
      const { admin, account } = await ownersAccount(plugin, provider.url)
      const secret = plugin.stored[plugin.secretField]

      // The attack: a new base URL, the secret left blank (so kept), then "Check credentials"
      // and a test message, which would hand the stored secret to the impostor.
      const saved = await asMember(
        client.put(urlFor('provider_accounts.update', { id: account.id })),
        admin
      ).form({
        name: 'Main',
        credentials: plugin.kept,
        settings: { apiBaseUrl: impostor.url },
        numbers: [SENDER],
      })
      await asMember(client.post(urlFor('provider_accounts.check', { id: account.id })), admin)
      await asMember(
        client.post(urlFor('provider_accounts.test_message', { id: account.id })),
        admin
      ).form({
        to: '+12025550123',
        body: 'Test',
      })

      assert.isFalse(carries(impostor.requests, secret), 'the stored secret reached another host')
      saved.assertStatus(302)
      assert.deepEqual(fieldErrors(saved), {
        [`credentials.${plugin.secretField}`]: [
          `Enter the ${plugin.label} again: the API base URL changed, and stored secrets are only sent to the address they were entered for`,
        ],
      })
      await account.refresh()
      assert.equal(account.settings.apiBaseUrl, provider.url)
      // The account still works where it was set up.
      assert.isTrue(carries(provider.requests, secret))
    })

  test('{provider}: with the secret typed again, the new address gets that secret only')
    .with(PLUGINS)
    .run(async ({ client, assert, cleanup }, plugin) => {
      const [provider, elsewhere] = await providerAndAnotherHost(cleanup)
      const { admin, account } = await ownersAccount(plugin, provider.url)
      const secret = plugin.stored[plugin.secretField]
      const typed = 'a-secret-typed-again-for-the-new-url'

      const saved = await asMember(
        client.put(urlFor('provider_accounts.update', { id: account.id })),
        admin
      ).form({
        name: 'Main',
        credentials: { ...plugin.kept, [plugin.secretField]: typed },
        settings: { apiBaseUrl: elsewhere.url },
        numbers: [SENDER],
      })
      saved.assertStatus(302)
      assert.deepEqual(fieldErrors(saved), {})
      await asMember(client.post(urlFor('provider_accounts.check', { id: account.id })), admin)

      assert.isTrue(carries(elsewhere.requests, typed))
      assert.isFalse(carries(elsewhere.requests, secret))
      const audit = await AuditEvent.query()
        .where('action', 'provider_account.updated')
        .firstOrFail()
      assert.deepEqual(audit.details?.apiBaseUrl, { from: provider.url, to: elsewhere.url })
      assert.notInclude(JSON.stringify(audit.details), typed)
    })

  test('removing the base URL counts as a change too; other edits keep the secret', async ({
    client,
    assert,
    cleanup,
  }) => {
    const provider = await startCaptureServer(0, ANSWER)
    cleanup(() => provider.stop())
    const [twilio] = PLUGINS
    const { admin, account } = await ownersAccount(twilio, provider.url)

    const renamed = await asMember(
      client.put(urlFor('provider_accounts.update', { id: account.id })),
      admin
    ).form({
      name: 'Renamed',
      credentials: twilio.kept,
      settings: { apiBaseUrl: provider.url },
      numbers: [SENDER],
    })
    assert.deepEqual(fieldErrors(renamed), {})
    await account.refresh()
    assert.equal(account.name, 'Renamed')
    assert.equal(account.credentials.authToken, twilio.stored.authToken)

    const cleared = await asMember(
      client.put(urlFor('provider_accounts.update', { id: account.id })),
      admin
    ).form({
      name: 'Renamed',
      credentials: twilio.kept,
      settings: { apiBaseUrl: '' },
      numbers: [SENDER],
    })
    assert.include(Object.keys(fieldErrors(cleared)), 'credentials.authToken')
    await account.refresh()
    assert.equal(account.settings.apiBaseUrl, provider.url)
  })

  test('the API has no route that changes an account', async ({ client }) => {
    const owner = await createMember('owner')
    const account = await ProviderAccount.create({
      organizationId: owner.organizationId,
      provider: 'fake',
      name: 'Main',
      credentials: { signingSecret: 'owner-fake-signing-secret-0123' },
      settings: {},
      status: 'active',
    })
    const token = await apiTokenFor(owner)
    for (const method of ['put', 'patch'] as const) {
      const response = await client[method](`/api/v1/provider-accounts/${account.id}`)
        .bearerToken(token)
        .json({ settings: { apiBaseUrl: 'http://127.0.0.1:9/' } })
      response.assertStatus(404)
    }
  })
})
