import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import { forgetAccount } from '#services/provider_accounts/clients'

export const MESSAGING_SERVICE_SID = 'MG' + 'c'.repeat(32)
export const BRAND_SID = 'BN' + 'd'.repeat(32)
const CAMPAIGN_SID = 'QE' + 'e'.repeat(32)

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
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      state.requests.push({ method: request.method!, url: request.url!, body })
      const answer = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(JSON.stringify(value))
      }
      const url = request.url!
      if (url === '/v1/a2p/BrandRegistrations') return answer(201, brand())
      if (url === `/v1/a2p/BrandRegistrations/${BRAND_SID}`) return answer(200, brand())
      if (url === `/v1/a2p/BrandRegistrations/${BRAND_SID}/Vettings`) {
        return answer(201, { brand_sid: BRAND_SID, vetting_provider: 'campaign-verify' })
      }
      const usa2p = `/v1/Services/${MESSAGING_SERVICE_SID}/Compliance/Usa2p`
      if (url === usa2p) return answer(201, campaign())
      if (url === `${usa2p}/${CAMPAIGN_SID}`) return answer(200, campaign())
      answer(404, { code: 20404, message: 'The requested resource was not found' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  // Never keeps the test run alive on its own.
  server.unref()
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

let shared: ReturnType<typeof startTwilioStandIn> | undefined

/** One stand-in for the whole run, for fixtures that only need answers. */
export function sharedTwilioStandIn() {
  shared ??= startTwilioStandIn()
  return shared
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
