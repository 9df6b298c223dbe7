import app from '@adonisjs/core/services/app'
import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import { appUrl } from '#config/app'
import { signedHeaders } from '#services/fake_carrier/signature'
import webhookProcessor from '#services/webhooks/processor'
import { forgetAccount } from '#services/provider_accounts/clients'

export const FAKE_SECRET = 'signing-secret-for-tests-0123456789'
export const SENDER = '+12025550199'

/**
 * A fake-carrier provider account of `organizationId` with one sender number.
 */
export async function createFakeAccount(
  organizationId: number,
  options: { numbers?: string[]; settings?: Record<string, unknown> } = {}
) {
  const account = await ProviderAccount.create({
    organizationId,
    provider: 'fake',
    name: 'Fake carrier',
    credentials: { signingSecret: FAKE_SECRET },
    settings: options.settings ?? {},
    status: 'active',
    statusReason: null,
  })
  // Rolled-back tests reuse ids: drop what an earlier test's account left in the cache.
  forgetAccount(account.id)
  for (const phone of options.numbers ?? [SENDER]) {
    await SenderNumber.create({ organizationId, providerAccountId: account.id, phone })
  }
  return account
}

let nextId = 1

/** What the fake carrier posts when a phone texts in. */
export function fakeInbound(from: string, body: string, to = SENDER) {
  return {
    event: 'message.inbound',
    id: `FKin${Date.now()}${nextId++}`,
    from,
    to,
    body,
    occurredAt: new Date().toISOString(),
  }
}

/** What the fake carrier posts when a text's status changes. */
export function fakeStatus(
  providerMessageId: string,
  status: string,
  error?: { code: string; message: string }
) {
  return { event: 'message.status', id: providerMessageId, status, error }
}

/**
 * Posts a webhook to the running test server the way the fake carrier does:
 * the raw JSON body signed with `secret` at `now`. `body` replaces the
 * signed body (a tampered request). Resolves once the stored events are
 * processed.
 */
export async function postFakeWebhook(
  account: ProviderAccount,
  payload: unknown,
  options: { secret?: string; now?: number; body?: string; kind?: string } = {}
) {
  const raw = JSON.stringify(payload)
  const response = await fetch(
    `${appUrl}/webhooks/fake/${account.id}/${options.kind ?? 'inbound'}`,
    {
      method: 'POST',
      headers: signedHeaders(options.secret ?? FAKE_SECRET, raw, options.now),
      body: options.body ?? raw,
    }
  )
  await webhookProcessor.idle()
  return response
}

/**
 * Makes the app judge itself as started with `npm start` (NODE_ENV=production)
 * until `cleanup` runs.
 */
export function actInProduction(cleanup: (handler: () => void) => void) {
  Object.defineProperty(app, 'inProduction', { value: true, configurable: true })
  cleanup(() => {
    delete (app as { inProduction?: boolean }).inProduction
  })
}
