import { createHash } from 'node:crypto'
import type ProviderAccount from '#models/provider_account'
import type { WebhookEvent as NormalizedEvent, WebhookRequest } from '#sms/types'
import { E_INVALID_WEBHOOK_SIGNATURE } from '#sms/errors'
import { clientFor } from '#services/provider_accounts/clients'
import { storeWebhookEvent } from '#services/webhooks/store'
import webhookProcessor, { type StoredEvent } from '#services/webhooks/processor'

type Params = { account: ProviderAccount; request: WebhookRequest }

/**
 * What the stored row keeps: the request byte for byte (to audit or replay
 * it) and the plugin's reading of it (to process it without the plugin).
 */
type StoredPayload = {
  url: string
  headers: WebhookRequest['headers']
  rawBody: string
  event: NormalizedEvent | null
}

/**
 * One key per provider event, so a repeated delivery (providers retry, and
 * Telnyx may send an event twice) is recognised: an inbound text by its
 * message id, a status change by message id and status.
 */
function dedupeKey(event: NormalizedEvent) {
  return event.type === 'inbound'
    ? `inbound:${event.providerMessageId}`
    : `status:${event.providerMessageId}:${event.status}`
}

/**
 * A provider's webhook: verified with the account's plugin, every event in
 * it stored once before anything is acted on, then handed to the processor
 * so the provider gets its answer at once. A request that does not verify
 * changes nothing.
 */
export default class ReceiveWebhook {
  static async handle({ account, request }: Params) {
    const client = await clientFor(account)
    if (!client.verifyWebhook(request)) throw new E_INVALID_WEBHOOK_SIGNATURE()

    let events: NormalizedEvent[]
    try {
      events = client.parseWebhook(request)
    } catch (error) {
      // Genuine but unreadable: keep it for an admin to look at, and do not ask for a retry.
      await this.#store(account, request, null, 'failed', String(error).slice(0, 255))
      return { stored: 0, duplicates: 0 }
    }

    const ids = await Promise.all(
      events.map((event) => this.#store(account, request, event, 'pending'))
    )
    const fresh: StoredEvent[] = []
    events.forEach((event, index) => {
      const id = ids[index]
      if (id) fresh.push({ id, accountId: account.id, event })
    })
    webhookProcessor.enqueue(fresh)
    return { stored: fresh.length, duplicates: events.length - fresh.length }
  }

  static #store(
    account: ProviderAccount,
    request: WebhookRequest,
    event: NormalizedEvent | null,
    status: 'pending' | 'failed',
    error: string | null = null
  ) {
    const payload: StoredPayload = {
      url: request.url,
      headers: request.headers,
      rawBody: request.rawBody,
      event,
    }
    return storeWebhookEvent({
      organization_id: account.organizationId,
      provider_account_id: account.id,
      dedupe_key: event
        ? dedupeKey(event)
        : `unreadable:${createHash('sha256').update(request.rawBody).digest('hex')}`,
      kind: event?.type ?? 'unknown',
      payload: JSON.stringify(payload),
      status,
      error,
    })
  }
}
