import Campaign from '#models/campaign'

/** A campaign of the organization, or 404 (another organization's is never found). */
export function campaignOf(organizationId: number, id: unknown) {
  return Campaign.findForOrganizationOrFail(organizationId, id)
}
