import ActionRefusedException from '#exceptions/action_refused_exception'

/**
 * A text to a phone on the organization's opt-out list. Refused wherever a
 * send starts (test messages, texters, the dispatcher's last check).
 */
export default class OptedOutException extends ActionRefusedException {
  static status = 422
  static code = 'E_OPTED_OUT'

  constructor(phone: string) {
    super((i18n) => i18n.t('refusals.optOuts.phoneOptedOut', { phone }), {
      status: 422,
      code: 'E_OPTED_OUT',
    })
  }
}
