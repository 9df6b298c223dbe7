import CannedResponse from '#models/canned_response'

/** How an organization-wide canned response is shown, on pages and in the API. */
export function presentCannedResponse({ id, title, body, tags }: CannedResponse) {
  return { id, title, body, tags }
}

/** The organization-wide canned responses, in the order texters see them. */
export default class GetCannedResponses {
  static async handle(organizationId: number) {
    const responses = await CannedResponse.orgWide(organizationId).orderBy('position').orderBy('id')
    return responses.map(presentCannedResponse)
  }
}
