import Membership from '#models/membership'

/**
 * Issues an API token acting as this membership; the secret is shown once.
 */
export default class CreateApiToken {
  static async handle(membership: Membership, name: string) {
    const token = await Membership.accessTokens.create(membership, ['*'], { name })
    return { id: Number(token.identifier), name, secret: token.value!.release() }
  }
}
