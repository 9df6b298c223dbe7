import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import ProviderAccount from '#models/provider_account'
import Message from '#models/message'
import FakeCarrierMessage from '#models/fake_carrier_message'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { actInProduction } from '#tests/helpers/messaging'
import { asMember, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { eventually, PHONE } from './helpers.js'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** The number a fake-carrier account gets when created without any. */
const FICTIONAL_SENDER = '+12015550100'

/** An admin's API token, on a server acting as in production. */
async function adminTokenInProduction(cleanup: (handler: () => void) => void) {
  actInProduction(cleanup)
  return apiTokenFor(await createMember('admin'))
}

function createAccount(client: ApiClient, token: string, body: object) {
  return client.post('/api/v1/provider-accounts').bearerToken(token).json(body)
}

function sendTestText(client: ApiClient, token: string, accountId: number, body: string) {
  return client
    .post(`/api/v1/provider-accounts/${accountId}/test-message`)
    .bearerToken(token)
    .json({ to: PHONE, body })
}

/**
 * The fake carrier exists for trying Porchlight out: an account made with
 * nothing filled in must work at once, on a server started with `npm start`
 * (production mode) too.
 */
test.group('Fake carrier | ready the moment it is created', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the API creates one from the provider alone; its test text goes out in production', async ({
    client,
    assert,
    cleanup,
  }) => {
    const token = await adminTokenInProduction(cleanup)

    const created = await createAccount(client, token, { provider: 'fake', credentials: {} })

    created.assertStatus(201)
    assertMatchesApiDoc(created)
    assert.containSubset(created.body(), {
      provider: 'fake',
      name: 'Fake carrier (development and demos)',
      numbers: [FICTIONAL_SENDER],
    })
    const account = await ProviderAccount.findOrFail(created.body().id)
    assert.match(account.credentials.signingSecret, /^[A-Za-z0-9_-]{43}$/)
    assert.equal(account.settings.demoMode, 'true')
    assert.notInclude(created.text(), account.credentials.signingSecret)

    const sent = await sendTestText(client, token, account.id, 'Does this work?')

    sent.assertStatus(201)
    assertMatchesApiDoc(sent)
    const received = await FakeCarrierMessage.query()
      .where('provider_account_id', account.id)
      .where('phone', PHONE)
      .firstOrFail()
    assert.containSubset(received.serialize(), {
      sid: sent.body().providerMessageId,
      sender: FICTIONAL_SENDER,
      body: 'Does this work?',
    })
  })

  test('the generated secret signs the carrier’s callbacks, so delivery is reported', async ({
    client,
    cleanup,
  }) => {
    const token = await adminTokenInProduction(cleanup)
    const created = await createAccount(client, token, {
      provider: 'fake',
      credentials: {},
      settings: { deliveryDelayMs: 0 },
    })
    created.assertStatus(201)

    const sent = await sendTestText(client, token, created.body().id, 'Delivered?')
    sent.assertStatus(201)

    await eventually(async () => {
      const message = await Message.find(sent.body().messageId)
      return message?.status === 'delivered'
    })
  })

  test('a secret given is still taken as given, and checked', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)

    const given = await createAccount(client, token, {
      provider: 'fake',
      credentials: { signingSecret: 'my-own-signing-secret-1234' },
    })
    given.assertStatus(201)
    const account = await ProviderAccount.findOrFail(given.body().id)
    assert.equal(account.credentials.signingSecret, 'my-own-signing-secret-1234')

    const short = await createAccount(client, token, {
      provider: 'fake',
      credentials: { signingSecret: 'short' },
    })
    short.assertStatus(422)
    assert.containSubset(short.body().errors, [
      { field: 'credentials.signingSecret', rule: 'regex' },
    ])
  })

  test('demo mode can still be turned off, and then the carrier is off in production', async ({
    client,
    assert,
    cleanup,
  }) => {
    const token = await adminTokenInProduction(cleanup)
    const created = await createAccount(client, token, {
      provider: 'fake',
      credentials: {},
      settings: { demoMode: false },
    })
    created.assertStatus(201)
    const account = await ProviderAccount.findOrFail(created.body().id)
    assert.equal(account.settings.demoMode, 'false')

    const refused = await sendTestText(client, token, account.id, 'Hello?')
    refused.assertStatus(422)
    assert.containSubset(refused.body().errors, [{ rule: 'provider', code: 'carrier_disabled' }])
  })

  test('the form asks for no secret, says texts go nowhere, and the account works', async ({
    client,
    assert,
    cleanup,
  }) => {
    actInProduction(cleanup)
    const admin = await createMember('admin')

    const form = await asMember(client.get(urlFor('provider_accounts.create')), admin)
    const fake = inertiaPage(form).props.plugins.find((plugin: any) => plugin.id === 'fake')
    assert.containSubset(fake.credentialFields, [
      { name: 'signingSecret', secret: true, required: false, generated: true },
    ])
    assert.containSubset(fake.settingFields, [{ name: 'demoMode', default: 'true' }])
    assert.match(fake.notice, /texts sent through it go nowhere/)

    // What the page posts with the secret and the numbers left blank (booleans always explicit).
    const saved = await asMember(client.post(urlFor('provider_accounts.store')), admin).form({
      provider: 'fake',
      name: 'Try-out',
      credentials: { signingSecret: '' },
      settings: { demoMode: 'true' },
      numbers: [],
    })
    saved.assertStatus(302)
    assert.deepEqual(fieldErrors(saved), {})
    const account = await ProviderAccount.forOrganization(admin.organizationId).firstOrFail()
    assert.lengthOf(account.credentials.signingSecret, 43)

    const page = await asMember(
      client.get(urlFor('provider_accounts.edit', { id: account.id })),
      admin
    )
    const { props } = inertiaPage(page)
    assert.match(props.plugin.notice, /no real phone receives them/)
    assert.deepEqual(props.account.numbers, [FICTIONAL_SENDER])

    const tested = await asMember(
      client.post(urlFor('provider_accounts.test_message', { id: account.id })),
      admin
    ).form({ to: PHONE, body: 'Hi from the form' })
    tested.assertStatus(302)
    assert.match(String(tested.flashMessage('success')), /Test text handed to the provider/)
  })
})
