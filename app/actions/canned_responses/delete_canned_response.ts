import CannedResponse from '#models/canned_response'
import type Membership from '#models/membership'

/** Deletes an organization-wide canned response of the actor's organization. */
export default class DeleteCannedResponse {
  static async handle({ actor, id }: { actor: Membership; id: number }) {
    const found = await CannedResponse.orgWide(actor.organizationId).where('id', id).firstOrFail()
    await found.delete()
  }
}
