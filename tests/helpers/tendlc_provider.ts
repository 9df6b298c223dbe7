import type { KeyObject } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import { forgetAccount } from '#services/provider_accounts/clients'
import { appUrl } from '#config/app'
import { clock } from '#services/clock'
import TendlcRegistration from '#models/tendlc_registration'
import { telnyxSignature } from '#tests/fixtures/telnyx/payloads'

export const MESSAGING_SERVICE_SID = 'MG' + 'c'.repeat(32)
export const BRAND_SID = 'BN' + 'd'.repeat(32)
const CAMPAIGN_SID = 'QE' + 'e'.repeat(32)

type Answer = [status: number, value: unknown]

type Recorded = { requests: { method: string; url: string; body: string }[] }

/** An HTTP server on loopback answering JSON as `route` says, recording each request in `state`. */
async function serveJson(
  state: Recorded,
  route: (method: string, url: string, body: string) => Answer
) {
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      state.requests.push({ method: request.method!, url: request.url!, body })
      const [status, value] = route(request.method!, request.url!, body)
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(value))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  // Never keeps the test run alive on its own.
  server.unref()
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * A local stand-in for Twilio's A2P 10DLC endpoints: answers as Twilio
 * does, with the brand's and campaign's review outcome set by the test.
 */
export async function startTwilioStandIn() {
  const state = {
    brandStatus: 'PENDING',
    brandFailure: null as string | null,
    campaignStatus: 'IN_PROGRESS',
    campaignErrors: [] as { description: string }[],
    requests: [] as { method: string; url: string; body: string }[],
  }
  const brand = () => ({
    sid: BRAND_SID,
    status: state.brandStatus,
    failure_reason: state.brandFailure,
  })
  const campaign = () => ({
    sid: CAMPAIGN_SID,
    campaign_status: state.campaignStatus,
    errors: state.campaignErrors,
  })
  const usa2p = `/v1/Services/${MESSAGING_SERVICE_SID}/Compliance/Usa2p`
  const server = await serveJson(state, (_method, url): Answer => {
    if (url === '/v1/a2p/BrandRegistrations') return [201, brand()]
    if (url === `/v1/a2p/BrandRegistrations/${BRAND_SID}`) return [200, brand()]
    if (url === `/v1/a2p/BrandRegistrations/${BRAND_SID}/Vettings`) {
      return [201, { brand_sid: BRAND_SID, vetting_provider: 'campaign-verify' }]
    }
    if (url === usa2p) return [201, campaign()]
    if (url === `${usa2p}/${CAMPAIGN_SID}`) return [200, campaign()]
    return [404, { code: 20404, message: 'The requested resource was not found' }]
  })
  return { ...server, state }
}

export const TELNYX_BRAND_ID = '4b20017f-8da9-a992-a6c0-683072fb7729'
export const TELNYX_CAMPAIGN_ID = '4b300178-131c-d902-d54e-72d90ba1620j'

/**
 * A local stand-in for Telnyx's 10DLC endpoints the status webhooks lead
 * to: the brand and campaign as the test sets their review, and the number
 * assignments it receives.
 */
export async function startTelnyxStandIn() {
  const state = {
    brandStatus: 'OK',
    campaignStatus: 'TCR_PENDING',
    requests: [] as { method: string; url: string; body: string }[],
  }
  const server = await serveJson(state, (method, url, body): Answer => {
    if (url === `/10dlc/brand/${TELNYX_BRAND_ID}`) {
      return [200, { brandId: TELNYX_BRAND_ID, status: state.brandStatus }]
    }
    if (url === `/10dlc/campaign/${TELNYX_CAMPAIGN_ID}`) {
      return [200, { campaignId: TELNYX_CAMPAIGN_ID, campaignStatus: state.campaignStatus }]
    }
    if (method === 'POST' && url === '/10dlc/phone_number_campaigns') return [200, JSON.parse(body)]
    return [404, { errors: [{ code: '10005', title: 'Resource not found' }] }]
  })
  return { ...server, state }
}

let shared: ReturnType<typeof startTwilioStandIn> | undefined

/** One stand-in for the whole run, for fixtures that only need answers. */
export function sharedTwilioStandIn() {
  shared ??= startTwilioStandIn()
  return shared
}

/** A Telnyx account of `organizationId` calling the stand-in, with one number. */
export async function createTelnyxAccount(
  organizationId: number,
  apiBaseUrl: string,
  publicKey: string
) {
  const account = await ProviderAccount.create({
    organizationId,
    provider: 'telnyx',
    name: 'Telnyx',
    credentials: { apiKey: 'KEY_stand_in', publicKey },
    settings: { apiBaseUrl },
    status: 'active',
    statusReason: null,
  })
  forgetAccount(account.id)
  await SenderNumber.create({
    organizationId,
    providerAccountId: account.id,
    phone: '+12025550178',
  })
  return account
}

/** A Twilio account of `organizationId` sending through the stand-in, with one number. */
export async function createTwilioAccount(organizationId: number, apiBaseUrl: string) {
  const account = await ProviderAccount.create({
    organizationId,
    provider: 'twilio',
    name: 'Twilio',
    credentials: {
      accountSid: 'AC' + '0'.repeat(32),
      authToken: 'stand-in-token',
      messagingServiceSid: MESSAGING_SERVICE_SID,
    },
    settings: {
      apiBaseUrl,
      customerProfileBundleSid: 'BU' + 'a'.repeat(32),
      a2pProfileBundleSid: 'BU' + 'b'.repeat(32),
    },
    status: 'active',
    statusReason: null,
  })
  forgetAccount(account.id)
  await SenderNumber.create({
    organizationId,
    providerAccountId: account.id,
    phone: '+12025550177',
  })
  return account
}

/** Telnyx's campaign status event, shaped as its OpenAPI description gives it. */
export const campaignEvent = (type: string, status: string, description: string) => ({
  brandId: TELNYX_BRAND_ID,
  campaignId: TELNYX_CAMPAIGN_ID,
  type,
  status,
  description,
})

/** Posts a 10DLC status webhook to the account's registration URL, signed with `key` as Telnyx signs. */
export async function deliverTelnyxWebhook(account: ProviderAccount, body: object, key: KeyObject) {
  const raw = JSON.stringify(body)
  const timestamp = String(Math.floor(Date.now() / 1000))
  const response = await fetch(
    `${appUrl}/webhooks/${account.provider}/${account.id}/registration`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'telnyx-timestamp': timestamp,
        'telnyx-signature-ed25519': telnyxSignature(key, timestamp, raw),
      },
      body: raw,
    }
  )
  return response.status
}

/** The account's brand (approved) and campaign (under review), as submitted earlier. */
export async function submittedTelnyxRegistrations(account: ProviderAccount) {
  const now = clock.dateTime()
  const base = {
    organizationId: account.organizationId,
    providerAccountId: account.id,
    details: {},
    statusReason: null,
    submittedAt: now,
    checkedAt: now,
  }
  await TendlcRegistration.create({
    ...base,
    kind: 'brand',
    status: 'approved',
    providerRef: TELNYX_BRAND_ID,
  })
  return TendlcRegistration.create({
    ...base,
    kind: 'campaign',
    status: 'pending',
    providerRef: TELNYX_CAMPAIGN_ID,
  })
}
