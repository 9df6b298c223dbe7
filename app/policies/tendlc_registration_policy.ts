import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import BasePolicy from '#policies/base_policy'

/**
 * 10DLC registration speaks for the organization before the carriers (its
 * legal identity, EIN, Campaign Verify token): owners only, which the base
 * policy lets through before this refuses everyone else.
 */
export default class TendlcRegistrationPolicy extends BasePolicy {
  register(): AuthorizerResponse {
    return false
  }
}
