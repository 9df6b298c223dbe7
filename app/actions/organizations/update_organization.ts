import type { Infer } from '@vinejs/vine/types'
import type Organization from '#models/organization'
import type Membership from '#models/membership'
import type { updateOrganizationValidator } from '#validators/organization'
import { audit } from '#services/audit'

type Params = {
  organization: Organization
  actor: Membership
  data: Infer<typeof updateOrganizationValidator>
}

/**
 * Renames an organization and merges in the settings given (the rest stay).
 */
export default class UpdateOrganization {
  static async handle({ organization, actor, data }: Params) {
    if (data.name !== undefined) organization.name = data.name
    if (data.requiresApproval !== undefined) organization.requiresApproval = data.requiresApproval
    if (data.settings) {
      const { textingHours, retention, ...rest } = data.settings
      organization.settings = {
        ...organization.settings,
        ...rest,
        textingHours: { ...organization.settings.textingHours, ...textingHours },
        retention: { ...organization.settings.retention, ...retention },
      }
    }
    await organization.save()
    await audit({
      organizationId: organization.id,
      userId: actor.userId,
      action: 'organization.updated',
      subject: { type: 'organization', id: organization.id },
      details: { fields: Object.keys(data) },
    })
    return organization
  }
}
