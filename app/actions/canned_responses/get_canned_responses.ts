import CannedResponse from '#models/canned_response'

/** The organization-wide canned responses, in the order texters see them. */
export default class GetCannedResponses {
  static async handle(organizationId: number) {
    return CannedResponse.orgWide(organizationId).orderBy('position').orderBy('id')
  }
}
