import db from '@adonisjs/lucid/services/db'
import sms from '#services/sms'
import ProviderAccount from '#models/provider_account'
import type { SmsAccountConfig, SmsClientContract } from '#sms/types'
import { webhookUrls } from '#sms/webhook_urls'

/**
 * What a plugin client needs to act for one provider account.
 */
export function accountConfig(account: ProviderAccount): SmsAccountConfig {
  return {
    pluginId: account.provider,
    accountId: account.id,
    credentials: account.credentials,
    settings: account.settings,
    webhookUrls: webhookUrls(account.provider, account.id),
  }
}

const clients = new WeakMap<ProviderAccount, Promise<SmsClientContract>>()

/**
 * The plugin client acting for `account`, made once per loaded account row
 * (the manager rebuilds it when credentials or settings change).
 */
export function clientFor(account: ProviderAccount): Promise<SmsClientContract> {
  let client = clients.get(account)
  if (!client) {
    client = sms.client(accountConfig(account))
    client.catch(() => clients.delete(account))
    clients.set(account, client)
  }
  return client
}

const CACHE_MS = 5000
const recent = new Map<number, { at: number; account: ProviderAccount | null }>()

/**
 * A provider account by id, remembered for a few seconds: webhooks arrive in
 * bursts and each needs the account and its decrypted credentials. Changes
 * made in this process are seen at once (see `forgetAccount`); those made in
 * another process within seconds.
 */
export async function findAccountCached(id: number) {
  const hit = recent.get(id)
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.account
  const account = await ProviderAccount.find(id)
  recent.set(id, { at: Date.now(), account })
  if (recent.size > 1000) recent.delete(recent.keys().next().value!)
  return account
}

/**
 * The accounts with these ids, their status read afresh (an account
 * stopped by another process must stop sending here too); credentials and
 * settings come from the cache, as for webhooks.
 */
export async function currentAccounts(ids: number[]) {
  const rows = await db.from('provider_accounts').whereIn('id', ids).select('id', 'status')
  const accounts = new Map<number, ProviderAccount>()
  for (const row of rows) {
    const account = await findAccountCached(row.id)
    if (!account) continue
    account.status = row.status
    accounts.set(row.id, account)
  }
  return accounts
}

export function forgetAccount(id: number) {
  recent.delete(id)
}

/** Forgets every remembered account (their ids may now name other rows). */
export function forgetAllAccounts() {
  recent.clear()
}
