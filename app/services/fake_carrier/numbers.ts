/**
 * Test numbers the fake carrier treats specially, so every failure path can
 * be tried on purpose. They are in the 555-0100…0199 block that North
 * American numbering reserves for fiction. Every other number is a working
 * mobile phone.
 *
 * - `send`: the carrier refuses the send itself (the HTTP reply is an error).
 * - `delivery`: the carrier accepts the send, then reports it failed in the
 *   status callback.
 */
export const MAGIC_NUMBERS: Record<
  string,
  { fails: 'send' | 'delivery'; code: FakeErrorCode; description: string }
> = {
  '+12015550101': { fails: 'send', code: 'landline', description: 'a landline' },
  '+12015550102': { fails: 'send', code: 'invalid_number', description: 'not a valid number' },
  '+12015550103': {
    fails: 'send',
    code: 'opted_out',
    description: 'opted out at the carrier (replied STOP)',
  },
  '+12015550104': {
    fails: 'send',
    code: 'rate_limited',
    description: 'rate limited (retry later)',
  },
  '+12015550105': {
    fails: 'delivery',
    code: 'unreachable',
    description: 'accepted, then undelivered: phone unreachable',
  },
  '+12015550106': {
    fails: 'delivery',
    code: 'landline',
    description: 'accepted, then failed: a landline',
  },
}

export type FakeErrorCode =
  | 'landline'
  | 'invalid_number'
  | 'opted_out'
  | 'unreachable'
  | 'rate_limited'
  | 'unauthorized'
  | 'unknown_account'
  | 'carrier_disabled'
  | 'invalid_request'

export const ERROR_MESSAGES: Record<FakeErrorCode, string> = {
  landline: 'The number is a landline and cannot receive texts',
  invalid_number: 'The number is not a valid phone number',
  opted_out: 'The recipient has opted out of texts from this sender',
  unreachable: 'The phone could not be reached',
  rate_limited: 'Too many requests; retry later',
  unauthorized: 'The signing secret does not match this account',
  unknown_account: 'No fake carrier account with this id',
  carrier_disabled: 'The fake carrier is off for this account (enable demo mode)',
  invalid_request: 'The request is missing a field',
}
