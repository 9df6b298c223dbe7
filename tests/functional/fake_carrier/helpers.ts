import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import FakeCarrierMessage from '#models/fake_carrier_message'
import { forgetAccount } from '#services/provider_accounts/clients'

export const SECRET = 'fake-carrier-test-secret-0123456789'
export const SENDER = '+12025550100'
export const PHONE = '+12025550123'

/**
 * A fake carrier account with one sender number. Deliveries wait a minute
 * unless the test asks for sooner, so no callback runs behind its back.
 */
export async function fakeAccount(organizationId: number, settings: Record<string, unknown> = {}) {
  const account = await ProviderAccount.create({
    organizationId,
    provider: 'fake',
    name: 'Fake carrier',
    credentials: { signingSecret: SECRET },
    settings: { deliveryDelayMs: 60_000, ...settings },
    status: 'active',
  })
  // Rolled-back tests reuse ids: drop what an earlier test's account left in the cache.
  forgetAccount(account.id)
  await SenderNumber.create({ organizationId, providerAccountId: account.id, phone: SENDER })
  return account
}

/**
 * Waits for something the carrier does after a delay (callbacks, replies).
 */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, ms = 5000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const value = await probe()
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('Timed out waiting for the fake carrier')
}

export function phoneMessages(accountId: number, phone = PHONE) {
  return FakeCarrierMessage.query()
    .where('provider_account_id', accountId)
    .where('phone', phone)
    .orderBy('id')
}
