import { fileTypeFromBuffer } from 'file-type'
import drive from '@adonisjs/drive/services/main'
import logger from '@adonisjs/core/services/logger'
import MessageMedia from '#models/message_media'
import type ProviderAccount from '#models/provider_account'
import { clientFor } from '#services/provider_accounts/clients'
import { LIBRARY_TYPES } from '#services/media/limits'
import { newMediaKey } from '#services/media/storage'

/** The largest inbound picture kept (carriers deliver far less). */
export const INBOUND_MAX_BYTES = 5 * 1024 * 1024
/** How long one picture's fetch may take, redirects included. */
export const INBOUND_TIMEOUT_MS = 15_000
const MAX_REDIRECTS = 3

/** A fetch that did not end in a picture, with the reason a texter reads. */
class NotAvailable extends Error {}

/** The body of `response`, refused past INBOUND_MAX_BYTES without reading further. */
async function readLimited(response: Response) {
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > INBOUND_MAX_BYTES) throw new NotAvailable('the picture is larger than 5 MB')
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body ?? []) {
    size += chunk.length
    if (size > INBOUND_MAX_BYTES) throw new NotAvailable('the picture is larger than 5 MB')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * GETs `url`, following at most MAX_REDIRECTS redirects; the provider's
 * credentials go only to URLs the plugin claims as its own.
 */
async function download(
  url: string,
  headersFor: (url: string) => Record<string, string> | undefined
) {
  const signal = AbortSignal.timeout(INBOUND_TIMEOUT_MS)
  let current = url
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!/^https?:\/\//i.test(current)) throw new NotAvailable('the provider gave no web address')
    const response = await fetch(current, {
      headers: headersFor(current),
      redirect: 'manual',
      signal,
    })
    if ([301, 302, 303, 307, 308].includes(response.status)) {
      const location = response.headers.get('location')
      if (!location) throw new NotAvailable('the provider redirected nowhere')
      current = new URL(location, current).toString()
      continue
    }
    if (!response.ok) throw new NotAvailable(`the provider answered ${response.status}`)
    return readLimited(response)
  }
  throw new NotAvailable('the provider redirected more than 3 times')
}

function reasonOf(error: unknown) {
  if (error instanceof NotAvailable) return error.message
  if (error instanceof Error && ['TimeoutError', 'AbortError'].includes(error.name)) {
    return 'the provider took too long to send it'
  }
  return 'the provider could not be reached'
}

/**
 * Fetches, checks and stores the pending pictures of an inbound text. Runs
 * after the text is saved, off the webhook's request: a picture that cannot
 * be had is marked failed with the reason, and the text stays as it is.
 * Answers whether anything changed.
 */
export async function fetchInboundPictures(messageId: number, account: ProviderAccount) {
  const pending = await MessageMedia.query()
    .where('message_id', messageId)
    .where('status', 'pending')
    .orderBy('position')
  if (!pending.length) return false
  const client = await clientFor(account).catch(() => null)
  const headersFor = (url: string) => client?.mediaRequestHeaders?.(url)
  for (const picture of pending) {
    try {
      const data = await download(picture.sourceUrl ?? '', headersFor)
      const type = await fileTypeFromBuffer(data)
      if (!type || !LIBRARY_TYPES.includes(type.mime)) {
        throw new NotAvailable('it is not a JPEG, PNG or GIF picture')
      }
      const key = newMediaKey(picture.organizationId, 'inbound', type.mime)
      await drive.use().put(key, data)
      await picture
        .merge({ status: 'ready', storageKey: key, contentType: type.mime, bytes: data.length })
        .save()
    } catch (error) {
      if (!(error instanceof NotAvailable)) {
        logger.warn({ err: error, messageId }, 'An inbound picture could not be fetched')
      }
      await picture.merge({ status: 'failed', failureReason: reasonOf(error) }).save()
    }
  }
  return true
}
