import ActionRefusedException from '#exceptions/action_refused_exception'
import type { ClassifiedError } from '#sms/types'

/**
 * The provider refused a text sent while a person waits for the answer (a
 * test message). Carries the provider's own code and message so the admin
 * can look it up in the provider's documentation.
 */
export default class ProviderRejectedException extends ActionRefusedException {
  static status = 422
  static code = 'E_PROVIDER_REJECTED'

  constructor(public classified: ClassifiedError) {
    super(
      (i18n) =>
        i18n.t('refusals.providers.textRefused', {
          message: classified.message,
          code: String(classified.code),
        }),
      {
        status: 422,
        code: 'E_PROVIDER_REJECTED',
      }
    )
  }
}
