import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import Message from '#models/message'
import SenderNumber from '#models/sender_number'
import type Membership from '#models/membership'
import type ProviderAccount from '#models/provider_account'
import type { testMessageValidator } from '#validators/provider_account'
import type { ClassifiedError, SendResult } from '#sms/types'
import OptedOutException from '#exceptions/opted_out_exception'
import ProviderRejectedException from '#exceptions/provider_rejected_exception'
import { clientFor } from '#services/provider_accounts/clients'
import { encodingFields, isOptedOut } from '#services/outbox/enqueue'
import { recordSent } from '#services/outbox/claims'
import { learnFromRecipientFailure } from '#services/outbox/recipient_failures'
import { sqlNow } from '#services/db/sql_time'
import { refusedField } from '#exceptions/worded_issues'

type Params = {
  actor: Membership
  account: ProviderAccount
  data: Infer<typeof testMessageValidator>
}

/**
 * Sends one text right away, while the admin waits, to prove an account
 * works. It is logged like any message. Opted-out phones are refused; a
 * provider's refusal comes back with the provider's code and message.
 * Works on a stopped account too: it is how an admin checks the fix.
 */
export default class SendTestMessage {
  static async handle({ actor, account, data }: Params) {
    if (await isOptedOut(account.organizationId, data.to)) throw new OptedOutException(data.to)
    const from = await this.#sender(account, data.from)

    const message = await Message.create({
      organizationId: account.organizationId,
      ...encodingFields(data.body),
      providerAccountId: account.id,
      direction: 'outbound',
      body: data.body,
      media: [],
      from,
      to: data.to,
      status: 'sending',
      attempts: 0,
      claimedAt: DateTime.now(),
      claimedBy: `test-message:${actor.userId}`,
      sentById: actor.userId,
      purpose: 'test',
    })

    const client = await clientFor(account)
    let result: SendResult
    try {
      result = await client.send({ to: data.to, from, body: data.body, messageId: message.id })
    } catch (error) {
      const classified = client.classifyError(error)
      await this.#recordRefusal(message, classified)
      throw new ProviderRejectedException(classified)
    }
    const status = await recordSent(message, result)
    return { messageId: message.id, providerMessageId: result.providerMessageId, status }
  }

  /** The number given must belong to the account; none given: its first number. */
  static async #sender(account: ProviderAccount, from?: string) {
    const numbers = await SenderNumber.query()
      .where('provider_account_id', account.id)
      .orderBy('id')
    if (from && !numbers.some((number) => number.phone === from)) {
      throw refusedField('from', 'exists', 'refusals.fields.notSenderNumber')
    }
    const sender = from ?? numbers[0]?.phone
    if (!sender) throw refusedField('from', 'required', 'refusals.fields.addSenderFirst')
    return sender
  }

  /** A refused test is not retried, but what it taught about the recipient is kept. */
  static async #recordRefusal(message: Message, error: ClassifiedError) {
    await db.transaction(async (trx) => {
      await trx
        .from('messages')
        .where('id', message.id)
        .update({
          status: 'failed',
          attempts: 1,
          error_code: error.code.slice(0, 40),
          error_class: error.errorClass,
          error_message: error.message.slice(0, 255),
          updated_at: sqlNow(),
        })
      if (error.errorClass === 'recipient') await learnFromRecipientFailure(message, error, trx)
    })
  }
}
