import { existsSync } from 'node:fs'
import { test } from '@japa/runner'
import { TwilioRegistration } from '#plugins/twilio/registration'
import { TelnyxRegistration } from '#plugins/telnyx/registration'
import type { CampaignSubmission, SmsAccountConfig } from '#sms/types'
import { startPrism, PRISM_PORTS, SPECS, type PrismMock } from '#tests/plugins/prism'
import { startCaptureServer } from '#tests/plugins/capture_server'
import { formBodyErrors, schemaErrors } from '#tests/plugins/openapi_request'
import { ACCOUNT_SID } from '#tests/fixtures/twilio/payloads'

const MESSAGING_SERVICE_SID = 'MG' + '0'.repeat(31) + '2'
const BRAND_SID = 'BN' + '0'.repeat(31) + '3'
const USA2P = '/v1/Services/{MessagingServiceSid}/Compliance/Usa2p'

function twilioRegistration(apiBaseUrl: string) {
  const config: SmsAccountConfig = {
    pluginId: 'twilio',
    accountId: 1,
    credentials: {
      accountSid: ACCOUNT_SID,
      authToken: 'contract-token',
      messagingServiceSid: MESSAGING_SERVICE_SID,
    },
    settings: {
      apiBaseUrl,
      customerProfileBundleSid: 'BU' + 'a'.repeat(32),
      a2pProfileBundleSid: 'BU' + 'b'.repeat(32),
    },
    webhookUrls: { inbound: 'https://t.example.org/i', status: 'https://t.example.org/s' },
  }
  return new TwilioRegistration(config)
}

const BRAND = {
  legalName: 'Friends of Ana Ruiz',
  entityType: 'political_committee' as const,
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
}

const CAMPAIGN: CampaignSubmission = {
  brandRef: BRAND_SID,
  useCase: 'POLITICAL',
  description: 'Volunteers text supporters about canvasses and election day.',
  messageFlow: 'Supporters give their number on our sign-up form and agree to texts.',
  samples: [
    'Hi Ana, this is Sam with Friends of Ana Ruiz. Can you canvass Saturday? Reply STOP to opt out',
    'Polls are open until 8pm today. Reply STOP to opt out',
  ],
  optInKeywords: ['START'],
  optOutKeywords: ['STOP', 'UNSUBSCRIBE'],
  helpKeywords: ['HELP'],
  optInMessage: 'You will get texts again. Reply STOP to opt out.',
  optOutMessage: 'You are unsubscribed.',
  helpMessage: 'Reply STOP to stop receiving texts.',
  monthlyVolume: 5000,
  hasEmbeddedLinks: false,
  hasEmbeddedPhone: false,
}

/**
 * Twilio's A2P 10DLC requests, checked against the a2p operations of its
 * official Messaging v1 document with Prism (--errors: a request the spec
 * does not allow is refused and the call fails).
 */
test.group('Contract | Twilio 10DLC registration matches the official spec', (group) => {
  let prism: PrismMock
  group.setup(async () => {
    prism = await startPrism('twilioA2p', PRISM_PORTS.twilioA2p)
    return () => prism.stop()
  })

  test('brand registration and its status', async ({ assert }) => {
    const registration = twilioRegistration(prism.url)
    const submitted = await registration.submitBrand(BRAND)
    assert.match(submitted.ref, /^BN/)
    assert.equal(submitted.status, 'pending')
    const status = await registration.brandStatus(submitted.ref)
    assert.match(status.ref, /^BN/)
  })

  test('a political brand imports its Campaign Verify token as the brand’s vetting', async ({
    assert,
  }) => {
    // The spec's own example answer to the vetting call fails its schema (its
    // brand_vetting_sid), so Prism cannot answer it: the requests are captured
    // and their bodies validated with the spec's schemas.
    const brandSid = 'BN' + 'f'.repeat(32)
    const recorder = await startCaptureServer(PRISM_PORTS.capture, {
      status: 201,
      body: { sid: brandSid, status: 'PENDING' },
    })
    const token = 'cv|1.0|tcr|10dlc|9957c339-d46f-49c7-a399-aa8da2ed5d28|GQ3signedpart'
    try {
      await twilioRegistration(recorder.url).submitBrand({ ...BRAND, campaignVerifyToken: token })
    } finally {
      await recorder.stop()
    }
    const [brand, vetting] = recorder.requests
    assert.equal(brand.url, '/v1/a2p/BrandRegistrations')
    assert.deepEqual(
      formBodyErrors('twilioA2p', '/v1/a2p/BrandRegistrations', 'post', brand.body),
      []
    )
    assert.equal(vetting.url, `/v1/a2p/BrandRegistrations/${brandSid}/Vettings`)
    assert.equal(new URLSearchParams(vetting.body).get('VettingId'), token)
    const VETTINGS = '/v1/a2p/BrandRegistrations/{BrandSid}/Vettings'
    assert.deepEqual(formBodyErrors('twilioA2p', VETTINGS, 'post', vetting.body), [])
    assert.isNotEmpty(formBodyErrors('twilioA2p', VETTINGS, 'post', 'VettingProvider=cv'))
  })

  test('the mock refuses a brand without its bundles', async ({ assert }) => {
    const response = await fetch(`${prism.url}/v1/a2p/BrandRegistrations`, {
      method: 'POST',
      headers: {
        'authorization': `Basic ${Buffer.from(`${ACCOUNT_SID}:t`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'BrandType=STANDARD',
    })
    assert.equal(response.status, 422)
  })

  test('campaign status', async ({ assert }) => {
    const status = await twilioRegistration(prism.url).campaignStatus('QE' + '0'.repeat(32))
    assert.oneOf(status.status, ['pending', 'approved', 'failed'])
  })

  test('campaign registration repeats the array fields, as the spec defines', async ({
    assert,
  }) => {
    // Prism reads repeated form keys as one string (see openapi_request.ts): the
    // request is captured and its body validated with the spec's own schema.
    const recorder = await startCaptureServer(PRISM_PORTS.capture, {
      status: 201,
      body: { sid: 'QE' + '1'.repeat(32), campaign_status: 'IN_PROGRESS' },
    })
    let state
    try {
      state = await twilioRegistration(recorder.url).submitCampaign(CAMPAIGN)
    } finally {
      await recorder.stop()
    }
    assert.deepEqual(state, { ref: 'QE' + '1'.repeat(32), status: 'pending', reason: undefined })
    const [sent] = recorder.requests
    assert.equal(sent.url, `/v1/Services/${MESSAGING_SERVICE_SID}/Compliance/Usa2p`)
    const form = new URLSearchParams(sent.body)
    assert.deepEqual(form.getAll('MessageSamples'), CAMPAIGN.samples)
    assert.deepEqual(form.getAll('OptOutKeywords'), ['STOP', 'UNSUBSCRIBE'])
    assert.deepEqual(formBodyErrors('twilioA2p', USA2P, 'post', sent.body), [])
    // Not a rubber stamp: without the brand the same body fails.
    form.delete('BrandRegistrationSid')
    assert.isNotEmpty(formBodyErrors('twilioA2p', USA2P, 'post', form.toString()))
  })
})

const TELNYX_WEBHOOK = 'https://t.example.org/webhooks/telnyx/1/registration'
const CV_TOKEN = 'cv|1.0|tcr|10dlc|9957c339-d46f-49c7-a399-aa8da2ed5d28|GQ3signedpart'

function telnyxRegistration(apiBaseUrl: string) {
  return new TelnyxRegistration({
    pluginId: 'telnyx',
    accountId: 1,
    credentials: { apiKey: 'KEY_contract', publicKey: '' },
    settings: { apiBaseUrl },
    webhookUrls: {
      inbound: 'https://t.example.org/i',
      status: 'https://t.example.org/s',
      registration: TELNYX_WEBHOOK,
    },
  })
}

const telnyxWebhook = (body: object) => ({
  url: TELNYX_WEBHOOK,
  method: 'POST',
  headers: {},
  rawBody: JSON.stringify(body),
  body: {},
})

/**
 * Telnyx's 10DLC requests, checked against the 10DLC operations of its
 * official OpenAPI document with Prism (--errors: a request the spec does
 * not allow is refused, and the call fails). The document is kept beside
 * the repository (see SPECS): where it is absent the group says so and skips.
 */
test.group('Contract | Telnyx 10DLC registration matches the official spec', (group) => {
  const missing = !existsSync(SPECS.telnyx10dlc)
  group.tap((each) =>
    each.skip(missing, `Telnyx's 10DLC OpenAPI excerpt is not at ${SPECS.telnyx10dlc}`)
  )
  let prism: PrismMock
  group.setup(async () => {
    if (!missing) prism = await startPrism('telnyx10dlc', PRISM_PORTS.telnyx10dlc)
    return () => prism?.stop()
  })

  test('brand with its Campaign Verify vetting, campaign, statuses and number assignment', async ({
    assert,
  }) => {
    const registration = telnyxRegistration(prism.url)
    const brand = await registration.submitBrand({ ...BRAND, campaignVerifyToken: CV_TOKEN })
    assert.equal(brand.ref, '4b20017f-8da9-a992-a6c0-683072fb7729')
    const brandStatus = await registration.brandStatus(brand.ref)
    assert.oneOf(brandStatus.status, ['pending', 'approved'])
    const campaign = await registration.submitCampaign({ ...CAMPAIGN, brandRef: brand.ref })
    assert.isNotEmpty(campaign.ref)
    const campaignStatus = await registration.campaignStatus(campaign.ref)
    assert.equal(campaignStatus.status, 'pending')
    await registration.linkSenders(campaign.ref, ['+12175550101', '+12175550102'])
  })

  test('the mock refuses what the spec does not allow', async ({ assert }) => {
    // Not a rubber stamp: a vetting import without the vetting id, an unknown entity type.
    const vetting = await fetch(`${prism.url}/10dlc/brand/B1/externalVetting`, {
      method: 'PUT',
      headers: { 'authorization': 'Bearer K', 'content-type': 'application/json' },
      body: JSON.stringify({ evpId: 'CV', vettingToken: CV_TOKEN }),
    })
    assert.equal(vetting.status, 422)
    await assert.rejects(
      () =>
        telnyxRegistration(prism.url).submitBrand({
          ...BRAND,
          entityType: 'sole' as 'government',
        }),
      /Telnyx refused the request \(422\)/
    )
  })

  test('what is sent: the webhook URL, the token as Campaign Verify vetting, the samples', async ({
    assert,
  }) => {
    const recorder = await startCaptureServer(PRISM_PORTS.capture, {
      status: 200,
      body: {
        brandId: '4b20017f-8da9-a992-a6c0-683072fb7729',
        status: 'REGISTRATION_PENDING',
        campaignId: '4b300178-131c-d902-d54e-72d90ba1620j',
        campaignStatus: 'TCR_PENDING',
      },
    })
    try {
      const registration = telnyxRegistration(recorder.url)
      const brand = await registration.submitBrand({ ...BRAND, campaignVerifyToken: CV_TOKEN })
      await registration.submitCampaign({ ...CAMPAIGN, brandRef: brand.ref })
    } finally {
      await recorder.stop()
    }
    const [brandRequest, vetting, campaignRequest] = recorder.requests
    assert.equal(brandRequest.headers.authorization, 'Bearer KEY_contract')
    const sentBrand = JSON.parse(brandRequest.body)
    assert.containSubset(sentBrand, {
      entityType: 'NON_PROFIT',
      displayName: 'Friends of Ana Ruiz',
      vertical: 'POLITICAL',
      webhookURL: TELNYX_WEBHOOK,
    })
    assert.deepEqual(schemaErrors('telnyx10dlc', 'CreateBrand', sentBrand), [])
    assert.equal(vetting.method, 'PUT')
    assert.equal(vetting.url, '/10dlc/brand/4b20017f-8da9-a992-a6c0-683072fb7729/externalVetting')
    const sentVetting = JSON.parse(vetting.body)
    assert.deepEqual(sentVetting, {
      evpId: 'CV',
      vettingId: '9957c339-d46f-49c7-a399-aa8da2ed5d28',
      vettingToken: CV_TOKEN,
    })
    assert.deepEqual(schemaErrors('telnyx10dlc', 'ImportExternalVetting', sentVetting), [])
    const sentCampaign = JSON.parse(campaignRequest.body)
    assert.containSubset(sentCampaign, {
      brandId: '4b20017f-8da9-a992-a6c0-683072fb7729',
      usecase: 'POLITICAL',
      sample1: CAMPAIGN.samples[0],
      sample2: CAMPAIGN.samples[1],
      optoutKeywords: 'STOP,UNSUBSCRIBE',
      webhookURL: TELNYX_WEBHOOK,
    })
    assert.deepEqual(schemaErrors('telnyx10dlc', 'CampaignRequest', sentCampaign), [])
  })

  test('a failed campaign carries Telnyx’s reasons', async ({ assert }) => {
    const answer = {
      campaignId: 'C1',
      campaignStatus: 'MNO_REJECTED',
      failureReasons: 'Sample messages do not match the use case',
    }
    // The spec gives failureReasons as one string.
    assert.notInclude(
      schemaErrors('telnyx10dlc', 'TelnyxCampaign_CSP', answer).join(),
      'failureReasons'
    )
    const recorder = await startCaptureServer(PRISM_PORTS.capture, { status: 200, body: answer })
    try {
      const state = await telnyxRegistration(recorder.url).campaignStatus('C1')
      assert.deepEqual(state, {
        ref: 'C1',
        status: 'failed',
        reason: 'Sample messages do not match the use case',
      })
    } finally {
      await recorder.stop()
    }
  })

  test('status webhooks: the spec’s campaign event and the brand event', ({ assert }) => {
    const registration = telnyxRegistration('http://127.0.0.1:9')
    const rejected = {
      brandId: 'd88dd2aa-1bb9-4ef0-9ec8-1752b80316a5',
      campaignId: '4b300178-131c-d902-d54e-72d90ba1620j',
      type: 'MNO_REVIEW',
      status: 'REJECTED',
      description: 'Sample messages do not match the use case',
    }
    assert.deepEqual(schemaErrors('telnyx10dlc', 'CampaignStatusUpdateEvent', rejected), [])
    assert.deepEqual(registration.parseStatusWebhook(telnyxWebhook(rejected)), [
      {
        kind: 'campaign',
        ref: '4b300178-131c-d902-d54e-72d90ba1620j',
        rejected: 'Sample messages do not match the use case',
      },
    ])
    const accepted = { ...rejected, type: 'TELNYX_REVIEW', status: 'ACCEPTED' }
    assert.deepEqual(registration.parseStatusWebhook(telnyxWebhook(accepted)), [
      { kind: 'campaign', ref: '4b300178-131c-d902-d54e-72d90ba1620j', rejected: undefined },
    ])
    const brandEvent = {
      data: {
        event_type: '10dlc.brand.update',
        payload: { brandId: 'B9', status: 'success', type: 'TCR_BRAND_UPDATE' },
        record_type: 'event',
      },
    }
    assert.deepEqual(registration.parseStatusWebhook(telnyxWebhook(brandEvent)), [
      { kind: 'brand', ref: 'B9', rejected: undefined },
    ])
    const numberEvent = {
      data: { event_type: '10dlc.phone_number.update', payload: { campaignId: 'C1' } },
    }
    assert.deepEqual(registration.parseStatusWebhook(telnyxWebhook(numberEvent)), [])
  })
})
