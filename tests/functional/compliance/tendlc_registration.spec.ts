import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditEvent from '#models/audit_event'
import type Membership from '#models/membership'
import type ProviderAccount from '#models/provider_account'
import TendlcRegistration from '#models/tendlc_registration'
import { clock } from '#services/clock'
import { pollPendingRegistrations } from '#services/registration/registrations'
import { parseCampaignVerifyToken } from '#services/registration/campaign_verify'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { asMember, assertFormRefused } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { createContact, createList } from '#tests/helpers/contacts'
import { createDraft } from '#tests/helpers/campaigns'
import { createTwilioAccount, startTwilioStandIn } from '#tests/helpers/tendlc_provider'

const VERIFICATION_ID = '9957c339-d46f-49c7-a399-aa8da2ed5d28'

/** A Campaign Verify token whose signed part says it expires at `exp` (Unix seconds). */
function cvToken(exp: number) {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `cv|1.0|tcr|10dlc|${VERIFICATION_ID}|${part({ alg: 'ES256' })}.${part({ exp })}.c2ln`
}

const BRAND = {
  legalName: 'Friends of Ana Ruiz',
  entityType: 'political_committee',
  ein: '12-3456789',
  street: '1 Main St',
  city: 'Springfield',
  state: 'IL',
  postalCode: '62701',
  country: 'US',
  website: 'https://anaruiz.example.org',
  email: 'team@anaruiz.example.org',
  phone: '+12175550100',
  vertical: 'POLITICAL',
  campaignVerifyToken: cvToken(Date.UTC(2027, 5, 30) / 1000),
}

const CAMPAIGN = {
  useCase: 'POLITICAL',
  description: 'Volunteers text supporters about canvasses, phone banks and election day.',
  messageFlow: 'Supporters give their number on our sign-up form and tick a box agreeing to texts.',
  samples:
    'Hi Ana, this is Sam with Friends of Ana Ruiz. Reply STOP to opt out\nPolls close at 8pm.',
  optInKeywords: 'START',
  optOutKeywords: 'STOP, UNSUBSCRIBE',
  helpKeywords: 'HELP',
  optInMessage: 'You will get texts again. Reply STOP to opt out.',
  optOutMessage: 'You are unsubscribed.',
  helpMessage: 'Reply STOP to stop receiving texts.',
  monthlyVolume: 5000,
  hasEmbeddedLinks: false,
  hasEmbeddedPhone: false,
}

function post(
  client: ApiClient,
  member: Membership,
  route:
    'tendlc_registrations.brand' | 'tendlc_registrations.campaign' | 'tendlc_registrations.refresh',
  account: ProviderAccount,
  body: Record<string, unknown> = {}
) {
  return asMember(client.post(urlFor(route, { id: account.id })), member).json(body)
}

const registration = (account: ProviderAccount, kind: 'brand' | 'campaign') =>
  TendlcRegistration.query()
    .where('provider_account_id', account.id)
    .where('kind', kind)
    .firstOrFail()

const poll = () =>
  pollPendingRegistrations((error) => {
    throw error
  })

test.group('Compliance | 10DLC registration through the provider', (group) => {
  let standIn: Awaited<ReturnType<typeof startTwilioStandIn>>
  group.setup(async () => {
    standIn = await startTwilioStandIn()
    return () => standIn.stop()
  })
  group.each.setup(() => {
    standIn.state.brandStatus = 'PENDING'
    standIn.state.brandFailure = null
    standIn.state.campaignStatus = 'IN_PROGRESS'
    standIn.state.campaignErrors = []
    standIn.state.requests = []
    return testUtils.db().withGlobalTransaction()
  })
  group.each.teardown(() => clock.reset())

  test('an owner registers the brand, then the campaign, and polling follows the review', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await createTwilioAccount(owner.organizationId, standIn.url)

    const early = await post(client, owner, 'tendlc_registrations.campaign', account, CAMPAIGN)
    early.assertStatus(302)
    early.assertFlashMessage(
      'error',
      'Register the brand first: a campaign needs an approved brand'
    )

    const submittedBrand = await post(client, owner, 'tendlc_registrations.brand', account, BRAND)
    submittedBrand.assertStatus(302)
    const brand = await registration(account, 'brand')
    assert.equal(brand.status, 'pending')
    assert.match(brand.providerRef!, /^BN/)
    const sent = new URLSearchParams(standIn.state.requests[0].body)
    assert.equal(sent.get('CustomerProfileBundleSid'), 'BU' + 'a'.repeat(32))
    const vetting = new URLSearchParams(standIn.state.requests[1].body)
    assert.equal(vetting.get('VettingId'), BRAND.campaignVerifyToken)
    const audited = await AuditEvent.query()
      .where('organization_id', owner.organizationId)
      .where('action', 'registration.submitted')
      .firstOrFail()
    assert.equal(audited.details!.kind, 'brand')

    standIn.state.brandStatus = 'APPROVED'
    await poll()
    await brand.refresh()
    assert.equal(brand.status, 'approved')

    const submittedCampaign = await post(
      client,
      owner,
      'tendlc_registrations.campaign',
      account,
      CAMPAIGN
    )
    submittedCampaign.assertStatus(302)
    const campaign = await registration(account, 'campaign')
    assert.equal(campaign.status, 'pending')
    assert.deepEqual(campaign.details.samples, [
      'Hi Ana, this is Sam with Friends of Ana Ruiz. Reply STOP to opt out',
      'Polls close at 8pm.',
    ])
    assert.deepEqual(campaign.details.optOutKeywords, ['STOP', 'UNSUBSCRIBE'])
    const form = new URLSearchParams(standIn.state.requests.at(-1)!.body)
    assert.equal(form.get('BrandRegistrationSid'), brand.providerRef)

    standIn.state.campaignStatus = 'VERIFIED'
    await poll()
    await campaign.refresh()
    assert.equal(campaign.status, 'approved')

    const page = inertiaPage(
      await asMember(client.get(urlFor('tendlc_registrations.show', { id: account.id })), owner)
    )
    assert.equal(page.component, 'provider_accounts/tendlc')
    assert.equal(page.props.brand.status, 'approved')
    assert.equal(page.props.campaign.status, 'approved')
    assert.equal(page.props.campaignVerifyExpiresAt, '2027-06-30')
    assert.deepEqual(
      page.props.history.map((event: any) => [event.kind, event.action, event.status]),
      [
        ['campaign', 'status', 'approved'],
        ['campaign', 'submitted', 'pending'],
        ['brand', 'status', 'approved'],
        ['brand', 'submitted', 'pending'],
      ]
    )
    assert.equal(page.props.history[3].by, owner.user.fullName)
  })

  test('a rejected registration shows the provider’s reason', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const account = await createTwilioAccount(owner.organizationId, standIn.url)
    await post(client, owner, 'tendlc_registrations.brand', account, BRAND)

    standIn.state.brandStatus = 'FAILED'
    standIn.state.brandFailure = 'The EIN does not match the legal name'
    const refreshed = await post(client, owner, 'tendlc_registrations.refresh', account)
    refreshed.assertStatus(302)

    const brand = await registration(account, 'brand')
    assert.equal(brand.status, 'failed')
    assert.equal(brand.statusReason, 'The EIN does not match the legal name')
    const page = inertiaPage(
      await asMember(client.get(urlFor('tendlc_registrations.show', { id: account.id })), owner)
    )
    assert.equal(page.props.brand.statusReason, 'The EIN does not match the legal name')
  })

  test('the launch check refuses until the campaign is approved, then allows', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const { organization } = owner
    organization.settings = { ...organization.settings, requireRegisteredSenders: true }
    await organization.save()
    const list = await createList(organization.id, 'Canvass')
    await createContact(organization.id, { lists: [list] })
    const account = await createTwilioAccount(owner.organizationId, standIn.url)
    const draft = await createDraft(owner, {
      providerAccountId: account.id,
      audience: { listIds: [list.id] },
    })
    const token = await apiTokenFor(owner)
    const launch = () => client.post(`/api/v1/campaigns/${draft.id}/launch`).bearerToken(token)

    const unsubmitted = await launch()
    unsubmitted.assertStatus(422)
    assert.include(JSON.stringify(unsubmitted.body()), 'has not been submitted')

    standIn.state.brandStatus = 'APPROVED'
    await post(client, owner, 'tendlc_registrations.brand', account, BRAND)
    await post(client, owner, 'tendlc_registrations.campaign', account, CAMPAIGN)
    const pending = await launch()
    pending.assertStatus(422)
    assert.include(JSON.stringify(pending.body()), 'is pending')

    standIn.state.campaignStatus = 'VERIFIED'
    await poll()
    const launched = await launch()
    launched.assertStatus(200)
    launched.assertBodyContains({ status: 'active' })
  })

  test('Campaign Verify tokens: format checked, expiry read and enforced', async ({
    client,
    assert,
  }) => {
    assert.equal(
      parseCampaignVerifyToken(cvToken(Date.UTC(2027, 0, 15) / 1000)).expiresAt?.toISODate(),
      '2027-01-15'
    )
    assert.isFalse(parseCampaignVerifyToken('cv|1.0|tcr|10dlc|not-a-uuid|x').valid)
    assert.isFalse(parseCampaignVerifyToken(`cv|1.0|tcr|10dlc|${VERIFICATION_ID}`).valid)
    assert.isNull(parseCampaignVerifyToken(`cv|1.0|tcr|10dlc|${VERIFICATION_ID}|opaque`).expiresAt)

    const owner = await createMember('owner')
    const account = await createTwilioAccount(owner.organizationId, standIn.url)
    const malformed = await post(client, owner, 'tendlc_registrations.brand', account, {
      ...BRAND,
      campaignVerifyToken: 'cv|1.0|tcr',
    })
    malformed.assertFlashMessage('error', 'A Campaign Verify token has six fields separated by "|"')
    owner.user.locale = 'es'
    await owner.user.save()
    const enEspanol = await post(client, owner, 'tendlc_registrations.brand', account, {
      ...BRAND,
      campaignVerifyToken: 'cv|1.0|tcr',
    })
    enEspanol.assertFlashMessage(
      'error',
      'Un token de Campaign Verify tiene seis campos separados por «|»'
    )
    owner.user.locale = null
    await owner.user.save()
    const missing = await post(client, owner, 'tendlc_registrations.brand', account, {
      ...BRAND,
      campaignVerifyToken: '',
    })
    missing.assertFlashMessage('error', 'A political committee needs its Campaign Verify token')

    clock.travel(Date.UTC(2027, 6, 1) - clock.now().getTime())
    const expired = await post(client, owner, 'tendlc_registrations.brand', account, BRAND)
    expired.assertFlashMessage(
      'error',
      'This Campaign Verify token expired on 2027-06-30: get a new one'
    )
    assert.isEmpty(standIn.state.requests)

    // A token that does not carry its expiry: the date copied from Campaign Verify counts.
    const opaque = `cv|1.0|tcr|10dlc|${VERIFICATION_ID}|GQ3signedpart`
    const lapsed = await post(client, owner, 'tendlc_registrations.brand', account, {
      ...BRAND,
      campaignVerifyToken: opaque,
      campaignVerifyExpiresOn: '2027-06-15',
    })
    lapsed.assertFlashMessage(
      'error',
      'This Campaign Verify token expired on 2027-06-15: get a new one'
    )
    const accepted = await post(client, owner, 'tendlc_registrations.brand', account, {
      ...BRAND,
      campaignVerifyToken: opaque,
      campaignVerifyExpiresOn: '2028-01-31',
    })
    accepted.assertStatus(302)
    const page = inertiaPage(
      await asMember(client.get(urlFor('tendlc_registrations.show', { id: account.id })), owner)
    )
    assert.equal(page.props.campaignVerifyExpiresAt, '2028-01-31')
  })

  test('owners only; another organization’s account is not found', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const admin = await createMember('admin', { organization: owner.organization })
    const account = await createTwilioAccount(owner.organizationId, standIn.url)

    assertFormRefused(await post(client, admin, 'tendlc_registrations.brand', account, BRAND))
    const adminPage = await asMember(
      client.get(urlFor('tendlc_registrations.show', { id: account.id })),
      admin
    )
    assert.notEqual(adminPage.status(), 200)

    const stranger = await createMember('owner')
    const theirs = await asMember(
      client.get(urlFor('tendlc_registrations.show', { id: account.id })),
      stranger
    )
    theirs.assertStatus(404)
    const theirBrand = await post(client, stranger, 'tendlc_registrations.brand', account, BRAND)
    theirBrand.assertStatus(404)
    assert.isEmpty(standIn.state.requests)
  })
})
