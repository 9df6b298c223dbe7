import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { ClaimedMessage } from '#services/outbox/claims'
import type { ClassifiedError } from '#sms/types'
import messagingConfig from '#config/messaging'
import { disableProviderAccount } from '#services/provider_accounts/disable'
import { learnFromRecipientFailure } from '#services/outbox/recipient_failures'
import { recordFirstTextDelivery } from '#services/outbox/first_text_delivery'
import { sqlNow, sqlTime } from '#services/db/sql_time'
import { recordMessageStatus } from '#services/outbound_webhooks/message_status'

export type FailureOutcome = 'retry' | 'failed' | 'account_disabled'

/** Seconds before the next try after `attempts` failed ones: exponential, capped. */
export function backoffSeconds(attempts: number, retryAfter?: number) {
  const { backoffBaseSeconds, backoffMaxSeconds } = messagingConfig.dispatcher
  const exponential = backoffBaseSeconds * 2 ** Math.max(0, attempts - 1)
  return Math.min(Math.max(exponential, retryAfter ?? 0), backoffMaxSeconds)
}

function errorColumns(error: ClassifiedError) {
  return {
    error_code: error.code.slice(0, 40),
    error_class: error.errorClass,
    error_message: error.message.slice(0, 255),
    updated_at: sqlNow(),
  }
}

/**
 * Records a send the provider refused, by the plugin's classification:
 * transient → back in the queue after a growing wait (failed after the last
 * attempt); recipient → failed, and the contact learns why; configuration →
 * the account stops (admins are told) and the text waits in the queue for
 * the account to be fixed.
 */
export async function recordFailure(
  message: ClaimedMessage,
  error: ClassifiedError
): Promise<FailureOutcome> {
  const attempts = message.attempts + 1
  const row = db.from('messages').where('id', message.id).whereIn('status', ['sending', 'review'])

  if (error.errorClass === 'configuration') {
    await row.update({
      ...errorColumns(error),
      status: 'queued',
      claimed_at: null,
      claimed_by: null,
    })
    await disableProviderAccount(
      message.providerAccountId!,
      `The provider refused a send: ${error.message} (${error.code})`
    )
    return 'account_disabled'
  }

  if (error.errorClass === 'transient' && attempts < messagingConfig.dispatcher.maxAttempts) {
    const dueAt = DateTime.now().plus({ seconds: backoffSeconds(attempts, error.retryAfter) })
    await row.update({
      ...errorColumns(error),
      status: 'queued',
      attempts,
      next_attempt_at: sqlTime(dueAt),
      claimed_at: null,
      claimed_by: null,
    })
    return 'retry'
  }

  await db.transaction(async (trx) => {
    const failed = await trx
      .from('messages')
      .where('id', message.id)
      .whereIn('status', ['sending', 'review'])
      .update({ ...errorColumns(error), status: 'failed', attempts })
    await recordFirstTextDelivery(trx, message.id, 'failed', error)
    if (Number(Array.isArray(failed) ? failed[0] : failed)) {
      await recordMessageStatus(trx, message, 'failed', error)
    }
    if (error.errorClass === 'recipient') await learnFromRecipientFailure(message, error, trx)
  })
  return 'failed'
}
