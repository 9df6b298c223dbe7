import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditEvent from '#models/audit_event'
import type ProviderAccount from '#models/provider_account'
import TendlcRegistrationEvent from '#models/tendlc_registration_event'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { asMember } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { createContact, createList } from '#tests/helpers/contacts'
import { createDraft } from '#tests/helpers/campaigns'
import { telnyxKeyPair } from '#tests/fixtures/telnyx/payloads'
import {
  campaignEvent,
  createTelnyxAccount,
  createTwilioAccount,
  deliverTelnyxWebhook,
  startTelnyxStandIn,
  startTwilioStandIn,
  submittedTelnyxRegistrations,
  TELNYX_CAMPAIGN_ID,
} from '#tests/helpers/tendlc_provider'

const telnyxKey = telnyxKeyPair()
const forgerKey = telnyxKeyPair()
const deliver = (account: ProviderAccount, body: object, key = telnyxKey.privateKey) =>
  deliverTelnyxWebhook(account, body, key)

test.group('Compliance | 10DLC status webhooks', (group) => {
  let standIn: Awaited<ReturnType<typeof startTelnyxStandIn>>
  group.setup(async () => {
    standIn = await startTelnyxStandIn()
    return () => standIn.stop()
  })
  group.each.setup(() => {
    standIn.state.campaignStatus = 'TCR_PENDING'
    standIn.state.requests = []
    return testUtils.db().withGlobalTransaction()
  })

  test('a signed Telnyx status webhook approves the campaign at once and links the numbers', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await createTelnyxAccount(
      owner.organizationId,
      standIn.url,
      telnyxKey.publicKeyBase64
    )
    const campaign = await submittedTelnyxRegistrations(account)

    // Telnyx says the carriers took it; its API then reads provisioned.
    standIn.state.campaignStatus = 'MNO_PROVISIONED'
    const status = await deliver(
      account,
      campaignEvent('MNO_REVIEW', 'ACCEPTED', 'Campaign accepted by the carriers')
    )
    assert.equal(status, 204)

    await campaign.refresh()
    assert.equal(campaign.status, 'approved')
    const assignment = standIn.state.requests.find(
      (request) => request.url === '/10dlc/phone_number_campaigns'
    )
    assert.deepEqual(JSON.parse(assignment!.body), {
      phoneNumber: '+12025550178',
      campaignId: TELNYX_CAMPAIGN_ID,
    })
    const history = await TendlcRegistrationEvent.query()
      .where('registration_id', campaign.id)
      .firstOrFail()
    assert.equal(history.status, 'approved')
    assert.deepEqual(history.details, { via: 'webhook' })
    const audited = await AuditEvent.query()
      .where('organization_id', owner.organizationId)
      .where('action', 'registration.status_changed')
      .firstOrFail()
    assert.containSubset(audited.details, { kind: 'campaign', status: 'approved', via: 'webhook' })
    assert.equal(audited.subjectId, campaign.id)
  })

  test('a forged status webhook is refused and changes nothing', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await createTelnyxAccount(
      owner.organizationId,
      standIn.url,
      telnyxKey.publicKeyBase64
    )
    const campaign = await submittedTelnyxRegistrations(account)

    const forged = campaignEvent('TELNYX_REVIEW', 'REJECTED', 'Forged')
    assert.equal(await deliver(account, forged, forgerKey.privateKey), 403)
    await campaign.refresh()
    assert.equal(campaign.status, 'pending')
    assert.isNull(campaign.statusReason)
    assert.lengthOf(standIn.state.requests, 0)
    const events = await TendlcRegistrationEvent.query().where('registration_id', campaign.id)
    assert.lengthOf(events, 0)
  })

  test('a rejection shows its reason on the registration page and in the launch check', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const { organization } = owner
    organization.settings = { ...organization.settings, requireRegisteredSenders: true }
    await organization.save()
    const account = await createTelnyxAccount(
      owner.organizationId,
      standIn.url,
      telnyxKey.publicKeyBase64
    )
    const campaign = await submittedTelnyxRegistrations(account)
    const reason = 'The sample messages do not say how to opt out'

    assert.equal(await deliver(account, campaignEvent('TELNYX_REVIEW', 'REJECTED', reason)), 204)
    await campaign.refresh()
    assert.equal(campaign.status, 'failed')
    assert.equal(campaign.statusReason, reason)
    // Taken as Telnyx said it: nothing to read back.
    assert.lengthOf(standIn.state.requests, 0)

    const page = inertiaPage(
      await asMember(client.get(urlFor('tendlc_registrations.show', { id: account.id })), owner)
    )
    assert.equal(page.props.campaign.status, 'failed')
    assert.equal(page.props.campaign.statusReason, reason)
    assert.equal(page.props.history[0].reason, reason)

    const list = await createList(organization.id, 'Canvass')
    await createContact(organization.id, { lists: [list] })
    const draft = await createDraft(owner, {
      providerAccountId: account.id,
      audience: { listIds: [list.id] },
    })
    const launch = await client
      .post(`/api/v1/campaigns/${draft.id}/launch`)
      .bearerToken(await apiTokenFor(owner))
    launch.assertStatus(422)
    assert.include(JSON.stringify(launch.body()), `is failed: ${reason}`)
  })

  test('an event for a record the account never submitted changes nothing', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await createTelnyxAccount(
      owner.organizationId,
      standIn.url,
      telnyxKey.publicKeyBase64
    )
    const campaign = await submittedTelnyxRegistrations(account)
    const other = { ...campaignEvent('TELNYX_REVIEW', 'REJECTED', 'x'), campaignId: 'C-unknown' }
    assert.equal(await deliver(account, other), 204)
    await campaign.refresh()
    assert.equal(campaign.status, 'pending')
  })

  test('providers without registration webhooks have no such URL', async ({ assert }) => {
    const owner = await createMember('owner')
    const twilio = await startTwilioStandIn()
    try {
      const account = await createTwilioAccount(owner.organizationId, twilio.url)
      assert.equal(await deliver(account, campaignEvent('TELNYX_REVIEW', 'REJECTED', 'x')), 404)
    } finally {
      await twilio.stop()
    }
  })
})
