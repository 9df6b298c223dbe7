import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import type Membership from '#models/membership'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import ProviderAccount from '#models/provider_account'
import Message from '#models/message'
import AuditEvent from '#models/audit_event'
import RecordOptOut from '#actions/opt_outs/record_opt_out'
import sms from '#services/sms'
import { appUrl } from '#config/app'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { createFakeAccount, FAKE_SECRET, SENDER } from '#tests/helpers/messaging'
import { urlFor } from '@adonisjs/core/services/url_builder'

const fakeAccount = {
  provider: 'fake',
  name: 'Demo carrier',
  credentials: { signingSecret: FAKE_SECRET },
  settings: { deliveryDelayMs: 500 },
  numbers: ['+12025550111', '+12025550112'],
}

/** An admin's test text through the API. */
async function sendTestText(
  client: ApiClient,
  admin: Membership,
  accountId: number,
  text: { to: string; from?: string; body: string }
) {
  return client
    .post(`/api/v1/provider-accounts/${accountId}/test-message`)
    .bearerToken(await apiTokenFor(admin))
    .json(text)
}

test.group('Provider accounts | API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin connects an account: 201 with numbers and webhook URLs, never credentials', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const response = await client
      .post('/api/v1/provider-accounts')
      .bearerToken(await apiTokenFor(admin))
      .json(fakeAccount)

    response.assertStatus(201)
    assertMatchesApiDoc(response)
    const body = response.body()
    assert.containSubset(body, {
      provider: 'fake',
      name: 'Demo carrier',
      numbers: ['+12025550111', '+12025550112'],
      webhookUrls: {
        inbound: `${appUrl}/webhooks/fake/${body.id}/inbound`,
        status: `${appUrl}/webhooks/fake/${body.id}/status`,
      },
    })
    assert.notInclude(JSON.stringify(body), FAKE_SECRET)

    // Encrypted at rest: the stored column holds no trace of the secret, the model decrypts it.
    const row = await db.from('provider_accounts').where('id', body.id).firstOrFail()
    assert.notInclude(row.credentials, FAKE_SECRET)
    const account = await ProviderAccount.findOrFail(body.id)
    assert.deepEqual(account.credentials, { signingSecret: FAKE_SECRET })
    assert.equal(account.organizationId, admin.organizationId)

    const audit = await AuditEvent.query().where('action', 'provider_account.created').firstOrFail()
    assert.notInclude(JSON.stringify(audit.details), FAKE_SECRET)

    const shown = await client
      .get(`/api/v1/provider-accounts/${body.id}`)
      .bearerToken(await apiTokenFor(admin))
    shown.assertStatus(200)
    assertMatchesApiDoc(shown)
    assert.notInclude(shown.text(), FAKE_SECRET)
  })

  test('the plugin manifest decides what is required', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)

    const missing = await client
      .post('/api/v1/provider-accounts')
      .bearerToken(token)
      .json({ ...fakeAccount, provider: 'twilio', credentials: {} })
    missing.assertStatus(422)
    assertMatchesApiDoc(missing)
    assert.containSubset(missing.body().errors, [
      { field: 'credentials.accountSid', rule: 'required' },
      { field: 'credentials.authToken', rule: 'required' },
    ])

    const unknown = await client
      .post('/api/v1/provider-accounts')
      .bearerToken(token)
      .json({ ...fakeAccount, provider: 'carrier-pigeon' })
    unknown.assertStatus(422)
    assert.containSubset(unknown.body().errors, [{ field: 'provider' }])

    const badNumber = await client
      .post('/api/v1/provider-accounts')
      .bearerToken(token)
      .json({ ...fakeAccount, numbers: ['202-555-0111'] })
    badNumber.assertStatus(422)
    assert.containSubset(badNumber.body().errors, [{ field: 'numbers.0' }])
    assert.equal(
      await ProviderAccount.query()
        .count('* as total')
        .then((r) => r[0].$extras.total),
      0
    )
  })

  test('a {$self} may not manage provider accounts')
    .with(['texter', 'supervisor'] as const)
    .run(async ({ client }, role) => {
      const member = await createMember(role)
      const response = await client
        .post('/api/v1/provider-accounts')
        .bearerToken(await apiTokenFor(member))
        .json(fakeAccount)
      response.assertStatus(403)
      assertMatchesApiDoc(response)
    })

  test("another organization's account is a 404", async ({ client }) => {
    const other = await createMember('owner')
    const account = await createFakeAccount(other.organizationId)
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)

    const shown = await client.get(`/api/v1/provider-accounts/${account.id}`).bearerToken(token)
    shown.assertStatus(404)
    const tested = await client
      .post(`/api/v1/provider-accounts/${account.id}/test-message`)
      .bearerToken(token)
      .json({ to: '+12025550123', body: 'hi' })
    tested.assertStatus(404)
  })
})

test.group('Provider accounts | test message', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sms.restore())

  test('the provider takes it: 201 with our id and the provider id, logged as a message', async ({
    client,
    assert,
  }) => {
    const fake = sms.fake()
    const admin = await createMember('admin')
    const account = await createFakeAccount(admin.organizationId)

    const response = await sendTestText(client, admin, account.id, {
      to: '+12025550123',
      body: 'Testing 1 2 3',
    })

    response.assertStatus(201)
    assertMatchesApiDoc(response)
    const { messageId, providerMessageId, status } = response.body()
    assert.equal(status, 'sent')
    fake.assertSent({ to: '+12025550123', from: SENDER, body: 'Testing 1 2 3', messageId })
    const message = await Message.findOrFail(messageId)
    assert.containSubset(message.serialize(), {
      status: 'sent',
      providerMessageId,
      purpose: 'test',
      direction: 'outbound',
      sentById: admin.userId,
    })
  })

  test("a provider's refusal answers 422 with the provider's code and message", async ({
    client,
    assert,
  }) => {
    sms
      .fake()
      .failWhen(
        { to: '+12025550101' },
        { errorClass: 'recipient', kind: 'landline', code: '21614', message: 'Not a mobile number' }
      )
    const admin = await createMember('admin')
    const account = await createFakeAccount(admin.organizationId)

    const response = await sendTestText(client, admin, account.id, {
      to: '+12025550101',
      body: 'Hello',
    })

    response.assertStatus(422)
    assertMatchesApiDoc(response)
    assert.deepEqual(response.body().errors, [
      {
        message: 'Not a mobile number',
        field: 'to',
        rule: 'provider',
        code: '21614',
        errorClass: 'recipient',
      },
    ])
    const message = await Message.query().where('to_phone', '+12025550101').firstOrFail()
    assert.equal(message.status, 'failed')
    assert.equal(message.errorCode, '21614')
  })

  test('an opted-out phone is refused before the provider is called', async ({
    client,
    assert,
  }) => {
    const fake = sms.fake()
    const admin = await createMember('admin')
    const account = await createFakeAccount(admin.organizationId)
    await RecordOptOut.handle({
      organizationId: admin.organizationId,
      phone: '+12025550123',
      source: 'admin',
    })

    const response = await sendTestText(client, admin, account.id, {
      to: '+12025550123',
      body: 'Hello',
    })

    response.assertStatus(422)
    assertMatchesApiDoc(response)
    assert.match(response.body().errors[0].message, /\+12025550123 has opted out/)
    fake.assertNoneSent()
  })

  test('the sender must be one of the account’s numbers', async ({ client, assert }) => {
    const fake = sms.fake()
    const admin = await createMember('admin')
    const account = await createFakeAccount(admin.organizationId)

    const response = await sendTestText(client, admin, account.id, {
      to: '+12025550123',
      from: '+12025550777',
      body: 'Hello',
    })

    response.assertStatus(422)
    assert.containSubset(response.body().errors, [{ field: 'from' }])
    fake.assertNoneSent()
  })
})

test.group('Provider accounts | pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin adds an account through the form generated from the manifest', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const form = await asMember(client.get(urlFor('provider_accounts.create')), admin)
    form.assertStatus(200)
    assert.containSubset(inertiaPage(form).props.plugins, [
      {
        id: 'fake',
        credentialFields: [{ name: 'signingSecret', secret: true, required: false }],
      },
    ])

    const response = await asMember(client.post(urlFor('provider_accounts.store')), admin).form({
      provider: 'fake',
      name: 'Demo',
      credentials: { signingSecret: FAKE_SECRET },
      settings: { deliveryDelayMs: '250', demoMode: 'true' },
      numbers: ['+12025550111'],
    })
    const account = await ProviderAccount.forOrganization(admin.organizationId).firstOrFail()
    response.assertStatus(302)
    response.assertHeader('location', `/settings/providers/${account.id}`)
    assert.deepEqual(account.credentials, { signingSecret: FAKE_SECRET })
    assert.deepEqual(account.settings, { deliveryDelayMs: '250', demoMode: 'true' })

    const edit = await asMember(
      client.get(urlFor('provider_accounts.edit', { id: account.id })),
      admin
    )
    edit.assertStatus(200)
    const { component, props } = inertiaPage(edit)
    assert.equal(component, 'provider_accounts/edit')
    assert.deepEqual(props.account.webhookUrls, {
      inbound: `${appUrl}/webhooks/fake/${account.id}/inbound`,
      status: `${appUrl}/webhooks/fake/${account.id}/status`,
    })
    assert.deepEqual(props.account.credentialsSet, ['signingSecret'])
    assert.notInclude(edit.text(), FAKE_SECRET)
  })

  test('saving with the secret left blank keeps it; a bad value is reported on its field', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const account = await createFakeAccount(admin.organizationId)

    const saved = await asMember(
      client.put(urlFor('provider_accounts.update', { id: account.id })),
      admin
    ).form({
      name: 'Renamed',
      credentials: { signingSecret: '' },
      numbers: ['+12025550150', '+12025550151'],
    })
    saved.assertStatus(302)
    await account.refresh()
    assert.equal(account.name, 'Renamed')
    assert.deepEqual(account.credentials, { signingSecret: FAKE_SECRET })
    await account.load('numbers')
    assert.sameMembers(
      account.numbers.map((n) => n.phone),
      ['+12025550150', '+12025550151']
    )

    const refused = await asMember(
      client.put(urlFor('provider_accounts.update', { id: account.id })),
      admin
    ).form({
      name: 'Renamed',
      credentials: { signingSecret: 'short' },
    })
    refused.assertStatus(302)
    assert.includeMembers(Object.keys(fieldErrors(refused)), ['credentials.signingSecret'])
  })

  test('a stopped account shows why on the Providers page and can be resumed', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const account = await createFakeAccount(admin.organizationId)
    account.merge({ status: 'disabled', statusReason: 'The provider refused a send: bad token' })
    await account.save()

    const page = await asMember(client.get(urlFor('provider_accounts.index')), admin)
    page.assertStatus(200)
    assert.containSubset(inertiaPage(page).props.accounts, [
      {
        id: account.id,
        status: 'disabled',
        statusReason: 'The provider refused a send: bad token',
      },
    ])

    const resumed = await asMember(
      client.post(urlFor('provider_accounts.enable', { id: account.id })),
      admin
    )
    resumed.assertStatus(302)
    await account.refresh()
    assert.equal(account.status, 'active')
    assert.isNull(account.statusReason)
    await AuditEvent.query().where('action', 'provider_account.enabled').firstOrFail()
  })

  test('a texter may not open the Providers page or add an account', async ({ client }) => {
    const texter = await createMember('texter')
    const page = await asMember(client.get(urlFor('provider_accounts.index')), texter)
    page.assertStatus(403)
    const post = await asMember(client.post(urlFor('provider_accounts.store')), texter).form({
      provider: 'fake',
      name: 'x',
    })
    assertFormRefused(post)
  })
})
