import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import type Membership from '#models/membership'
import type ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { asMember, assertFormRefused } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { createContact, createList } from '#tests/helpers/contacts'
import { createFakeAccount } from '#tests/helpers/messaging'
import { createDraft } from '#tests/helpers/campaigns'
import { urlFor } from '@adonisjs/core/services/url_builder'

const FIRST = '+12025550101'
const SECOND = '+12025550102'
const THIRD = '+12025550103'

/** An admin whose organization requires registered senders (or not), with one contact on a list. */
async function setUp(requireRegisteredSenders: boolean) {
  const admin = await createMember('admin')
  const { organization } = admin
  organization.settings = { ...organization.settings, requireRegisteredSenders }
  await organization.save()
  const list = await createList(organization.id, 'Canvass')
  await createContact(organization.id, { lists: [list] })
  return { admin, token: await apiTokenFor(admin), audience: { listIds: [list.id] } }
}

/** The provider page's registration form, posted by `member`. */
function register(
  client: ApiClient,
  member: Membership,
  account: ProviderAccount,
  body: Record<string, unknown>
) {
  return asMember(
    client.put(urlFor('provider_accounts.registration', { id: account.id })),
    member
  ).json(body)
}

test.group('Campaigns | registered senders (10DLC)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('off by default; admins turn it on through the API', async ({ client: api, assert }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const before = await api.get('/api/v1/organization').bearerToken(token)
    assert.isFalse(before.body().settings.requireRegisteredSenders)

    const changed = await api
      .patch('/api/v1/organization')
      .bearerToken(token)
      .json({ settings: { requireRegisteredSenders: true } })
    changed.assertStatus(200)
    assertMatchesApiDoc(changed)
    assert.isTrue(changed.body().settings.requireRegisteredSenders)
    assert.equal(changed.body().settings.textingHours.start, '09:00')
  })

  test('when not required, unregistered numbers launch', async ({ client: api }) => {
    const { admin, token, audience } = await setUp(false)
    const account = await createFakeAccount(admin.organizationId, { numbers: [FIRST, SECOND] })
    const campaign = await createDraft(admin, { providerAccountId: account.id, audience })

    const launched = await api.post(`/api/v1/campaigns/${campaign.id}/launch`).bearerToken(token)
    launched.assertStatus(200)
    launched.assertBodyContains({ status: 'active', targeted: 1 })
  })

  test('when required, the launch names the unregistered numbers it would use until an admin marks them', async ({
    client: api,
    assert,
  }) => {
    const { admin, token, audience } = await setUp(true)
    const account = await createFakeAccount(admin.organizationId, {
      numbers: [FIRST, SECOND, THIRD],
    })
    const chosen = await createDraft(admin, {
      providerAccountId: account.id,
      senderNumbers: [FIRST, SECOND],
      audience,
    })
    const wholeAccount = await createDraft(admin, { providerAccountId: account.id, audience })

    const refused = await api.post(`/api/v1/campaigns/${chosen.id}/launch`).bearerToken(token)
    refused.assertStatus(422)
    assertMatchesApiDoc(refused)
    const [blocker] = refused.body().errors
    assert.lengthOf(refused.body().errors, 1)
    assert.equal(blocker.rule, 'unregistered_sender')
    assert.include(blocker.message, `${FIRST}, ${SECOND}`)
    assert.notInclude(blocker.message, THIRD)

    const supervisor = await createMember('supervisor', { organization: admin.organization })
    assertFormRefused(await register(api, supervisor, account, { registered: [FIRST, SECOND] }))

    const page = await asMember(
      api.get(urlFor('provider_accounts.edit', { id: account.id })),
      admin
    )
    assert.deepEqual(inertiaPage(page).props.registration, {
      numbers: [FIRST, SECOND, THIRD].map((phone) => ({ phone, registered: false })),
      pooled: false,
      poolRegistered: false,
    })

    const marked = await register(api, admin, account, { registered: [FIRST, SECOND] })
    marked.assertStatus(302)
    const registered = await SenderNumber.query()
      .where('provider_account_id', account.id)
      .where('registered', true)
      .orderBy('phone')
    assert.deepEqual(
      registered.map((number) => number.phone),
      [FIRST, SECOND]
    )

    // The whole account still sends from the third number too.
    const whole = await api.post(`/api/v1/campaigns/${wholeAccount.id}/launch`).bearerToken(token)
    whole.assertStatus(422)
    assert.deepEqual(whole.body().errors, [
      {
        field: 'senderNumbers',
        rule: 'unregistered_sender',
        message: `Not registered (10DLC), as this organization requires: ${THIRD}`,
      },
    ])
    const launched = await api.post(`/api/v1/campaigns/${chosen.id}/launch`).bearerToken(token)
    launched.assertStatus(200)
  })

  test('when required, a messaging service counts as registered only if the account says so', async ({
    client: api,
  }) => {
    const { admin, token, audience } = await setUp(true)
    const account = await createFakeAccount(admin.organizationId, {
      numbers: [FIRST],
      settings: { messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' },
    })
    const campaign = await createDraft(admin, { providerAccountId: account.id, audience })

    const refused = await api.post(`/api/v1/campaigns/${campaign.id}/launch`).bearerToken(token)
    refused.assertStatus(422)
    refused.assertBodyContains({ errors: [{ rule: 'unregistered_sender' }] })

    const marked = await register(api, admin, account, { poolRegistered: true })
    marked.assertStatus(302)
    const launched = await api.post(`/api/v1/campaigns/${campaign.id}/launch`).bearerToken(token)
    launched.assertStatus(200)
  })
})
