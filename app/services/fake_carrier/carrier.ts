import { randomBytes, timingSafeEqual } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import ProviderAccount from '#models/provider_account'
import sms from '#services/sms'
import FakeCarrierMessage from '#models/fake_carrier_message'
import { fakeCarrierSettings, type FakeCarrierSettings } from '#services/fake_carrier/settings'
import { ERROR_MESSAGES, MAGIC_NUMBERS, type FakeErrorCode } from '#services/fake_carrier/numbers'
import { signedHeaders } from '#services/fake_carrier/signature'
import { webhookUrls } from '#sms/webhook_urls'

/**
 * The fake carrier: the "provider" behind the fake plugin. It accepts sends
 * over HTTP, keeps what every fake phone received in a table, and posts
 * signed status callbacks and replies to the app's webhook URL, exactly as
 * a real provider would. Timers live in the process that accepted the send:
 * a callback still pending when that process stops is not sent.
 */

export interface CarrierAccount {
  id: number
  pluginId: string
  organizationId: number
  secret: string
  settings: FakeCarrierSettings
}

/**
 * A send the carrier refuses, with the status and code its API answers.
 */
export class CarrierRefusal extends Error {
  constructor(
    public status: number,
    public code: FakeErrorCode
  ) {
    super(ERROR_MESSAGES[code])
  }
}

/**
 * On outside production for every fake account; in production only for an
 * account whose settings turn demo mode on.
 */
export function carrierEnabled(settings: FakeCarrierSettings) {
  return !app.inProduction || settings.demoMode
}

export function toCarrierAccount(account: ProviderAccount): CarrierAccount {
  return {
    id: account.id,
    pluginId: account.provider,
    organizationId: account.organizationId,
    secret: account.credentials.signingSecret ?? '',
    settings: fakeCarrierSettings(account.settings),
  }
}

/**
 * An account of a carrier-simulator plugin by id. Read on every request (one
 * primary-key lookup), so a changed secret or setting counts at once in
 * every process.
 */
export async function findCarrierAccount(id: number): Promise<CarrierAccount | null> {
  const row = await ProviderAccount.query()
    .where('id', id)
    .whereIn('provider', await sms.idsWith('carrierSimulator'))
    .first()
  return row ? toCarrierAccount(row) : null
}

export function isAuthorized(account: CarrierAccount, bearer: string | undefined) {
  const given = Buffer.from(bearer ?? '')
  const expected = Buffer.from(account.secret)
  return expected.length > 0 && given.length === expected.length && timingSafeEqual(given, expected)
}

function newSid() {
  return `FK${randomBytes(16).toString('hex')}`
}

function later(ms: number, task: () => Promise<unknown>) {
  setTimeout(() => {
    task().catch((error) => logger.warn({ err: error }, 'fake carrier: callback failed'))
  }, ms).unref()
}

/**
 * Posts a signed webhook to the app, as the provider would. Answers the
 * HTTP status, or 0 when the app could not be reached.
 */
async function postWebhook(account: CarrierAccount, kind: 'inbound' | 'status', event: object) {
  const rawBody = JSON.stringify({ ...event, occurredAt: new Date().toISOString() })
  try {
    const response = await fetch(webhookUrls(account.pluginId, account.id)[kind], {
      method: 'POST',
      headers: signedHeaders(account.secret, rawBody),
      body: rawBody,
      signal: AbortSignal.timeout(10_000),
    })
    await response.body?.cancel()
    return response.status
  } catch (error) {
    logger.warn({ err: error }, 'fake carrier: the app did not answer a webhook')
    return 0
  }
}

export interface CarrierSend {
  to: string
  from: string
  body: string
  mediaUrls: string[]
}

/**
 * Accepts a text for delivery, or refuses it as a real carrier would for a
 * magic test number. Delivery is reported after the account's delay.
 */
export async function acceptMessage(account: CarrierAccount, send: CarrierSend) {
  const magic = MAGIC_NUMBERS[send.to]
  if (magic?.fails === 'send') {
    throw new CarrierRefusal(magic.code === 'rate_limited' ? 429 : 400, magic.code)
  }

  const message = await FakeCarrierMessage.create({
    organizationId: account.organizationId,
    providerAccountId: account.id,
    sid: newSid(),
    direction: 'to_phone',
    phone: send.to,
    sender: send.from,
    body: send.body,
    media: send.mediaUrls,
    status: 'queued',
    errorCode: null,
  })
  later(account.settings.deliveryDelayMs, () => deliver(account, message, magic?.code))
  return message
}

async function deliver(
  account: CarrierAccount,
  message: FakeCarrierMessage,
  failure?: FakeErrorCode
) {
  const status = !failure ? 'delivered' : failure === 'landline' ? 'failed' : 'undelivered'
  // Read afresh: the row may be gone (account deleted) by the time the delay is over.
  const current = await FakeCarrierMessage.find(message.id)
  if (!current) return
  await current.merge({ status, errorCode: failure ?? null }).save()
  await postWebhook(account, 'status', {
    event: 'message.status',
    id: message.sid,
    status,
    error: failure ? { code: failure, message: ERROR_MESSAGES[failure] } : undefined,
  })

  const { replyRate, replyText, replyDelayMs } = account.settings
  if (status === 'delivered' && replyRate > 0 && Math.random() < replyRate) {
    later(replyDelayMs, () =>
      sendAsPhone(account, { phone: message.phone, to: message.sender, body: replyText })
    )
  }
}

/**
 * A fake phone texts the organization: the text is recorded and posted to
 * the app as a signed inbound webhook. `posted` says whether the app took it.
 */
export async function sendAsPhone(
  account: CarrierAccount,
  text: { phone: string; to: string; body: string; mediaUrls?: string[] }
) {
  const message = await FakeCarrierMessage.create({
    organizationId: account.organizationId,
    providerAccountId: account.id,
    sid: newSid(),
    direction: 'from_phone',
    phone: text.phone,
    sender: text.to,
    body: text.body,
    media: text.mediaUrls ?? [],
    status: 'unposted',
    errorCode: null,
  })
  const status = await postWebhook(account, 'inbound', {
    event: 'message.inbound',
    id: message.sid,
    from: text.phone,
    to: text.to,
    body: text.body,
    mediaUrls: text.mediaUrls ?? [],
  })
  const posted = status >= 200 && status < 300
  if (posted) {
    message.status = 'received'
    await message.save()
  }
  return { message, posted, status }
}
