import { createError, Exception } from '@adonisjs/core/exceptions'
import type { ClassifiedError } from '#sms/types'

/**
 * A provider account names a plugin this installation does not know.
 */
export const E_UNKNOWN_SMS_PLUGIN = createError<[string]>(
  'Unknown SMS plugin "%s". Install the plugin and register it in config/sms.ts',
  'E_UNKNOWN_SMS_PLUGIN',
  500
)

/**
 * A webhook request that is not a genuine, fresh request from the provider.
 * Nothing it carries may be acted on.
 */
export const E_INVALID_WEBHOOK_SIGNATURE = createError(
  'Invalid webhook signature',
  'E_INVALID_WEBHOOK_SIGNATURE',
  403
)

/**
 * A plugin could not be loaded or does not implement the contract.
 */
export const E_INVALID_SMS_PLUGIN = createError<[string, string]>(
  'The SMS plugin "%s" is not usable: %s',
  'E_INVALID_SMS_PLUGIN',
  500
)

/**
 * A send the provider did not accept, already put in the core's terms:
 * `classified.errorClass` tells the dispatcher whether to retry, mark the
 * recipient or stop the account.
 */
export class SmsSendFailedException extends Exception {
  static status = 502
  static code = 'E_SMS_SEND_FAILED'

  constructor(
    public classified: ClassifiedError,
    options?: ErrorOptions
  ) {
    super(`SMS send failed (${classified.errorClass}, ${classified.code}): ${classified.message}`, {
      ...options,
      code: 'E_SMS_SEND_FAILED',
      status: 502,
    })
  }
}

export const E_SMS_SEND_FAILED = SmsSendFailedException
