import { wordedIssue } from '#exceptions/worded_issues'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { errors as vineErrors } from '@vinejs/vine'
import MediaItem from '#models/media_item'
import MessageMedia from '#models/message_media'
import type Message from '#models/message'

/**
 * Checks that every picture named in `lists` (field path → ids) is in the
 * organization's library; another organization's picture reads as "not
 * found", reported on the field that named it.
 */
export async function checkOwnMedia(organizationId: number, lists: Record<string, number[]>) {
  const wanted = [...new Set(Object.values(lists).flat())]
  if (!wanted.length) return
  const found = await MediaItem.forOrganization(organizationId).whereIn('id', wanted).select('id')
  const known = new Set(found.map((item) => item.id))
  const problems = Object.entries(lists).flatMap(([field, ids]) =>
    ids.flatMap((mediaId, index) =>
      known.has(mediaId)
        ? []
        : [wordedIssue(`${field}.${index}`, 'exists', 'refusals.fields.noSuchPicture')]
    )
  )
  if (problems.length) throw new vineErrors.E_VALIDATION_ERROR(problems)
}

/** The organization's pictures with these ids, in the order given. */
export async function picturesInOrder(organizationId: number, ids: number[]) {
  if (!ids.length) return []
  const items = await MediaItem.forOrganization(organizationId).whereIn('id', ids)
  const byId = new Map(items.map((item) => [item.id, item]))
  return ids.flatMap((mediaId) => byId.get(mediaId) ?? [])
}

/**
 * Records that an outgoing text carries these library pictures, in order:
 * the outbox sends exactly these, however often it has to retry.
 */
export async function attachPictures(
  message: Message,
  pictures: MediaItem[],
  trx: TransactionClientContract
) {
  if (!pictures.length) return
  await MessageMedia.createMany(
    pictures.map((item, position) => ({
      organizationId: message.organizationId,
      messageId: message.id,
      position,
      mediaItemId: item.id,
      storageKey: item.storageKey,
      contentType: item.contentType,
      bytes: item.bytes,
      status: 'ready' as const,
    })),
    { client: trx }
  )
}

/** The pictures of each of these texts, in order. */
export async function picturesByMessage(messageIds: number[]) {
  const byMessage = new Map<number, MessageMedia[]>()
  if (!messageIds.length) return byMessage
  const rows = await MessageMedia.query().whereIn('message_id', messageIds).orderBy('position')
  for (const row of rows)
    byMessage.set(row.messageId, [...(byMessage.get(row.messageId) ?? []), row])
  return byMessage
}
