import Membership from '#models/membership'
import { audit } from '#services/audit'

/**
 * Revokes one of the membership's own API tokens; false when it has no
 * such token.
 */
export default class RevokeApiToken {
  static async handle(membership: Membership, tokenId: number) {
    const deleted = await Membership.accessTokens.delete(membership, tokenId)
    if (!deleted) return false
    await audit({
      organizationId: membership.organizationId,
      userId: membership.userId,
      action: 'api_token.revoked',
      subject: { type: 'api_token', id: tokenId },
    })
    return true
  }
}
