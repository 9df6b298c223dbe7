import Membership from '#models/membership'
import { audit } from '#services/audit'

/**
 * Issues an API token acting as this membership; the secret is shown once
 * and never audited (the trail has the token's id and name).
 */
export default class CreateApiToken {
  static async handle(membership: Membership, name: string) {
    const token = await Membership.accessTokens.create(membership, ['*'], { name })
    const id = Number(token.identifier)
    await audit({
      organizationId: membership.organizationId,
      userId: membership.userId,
      action: 'api_token.created',
      subject: { type: 'api_token', id },
      details: { name },
    })
    return { id, name, secret: token.value!.release() }
  }
}
