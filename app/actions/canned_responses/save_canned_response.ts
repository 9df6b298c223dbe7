import type { Infer } from '@vinejs/vine/types'
import CannedResponse from '#models/canned_response'
import type Membership from '#models/membership'
import type { cannedResponseValidator } from '#validators/campaign'
import { checkOwnMedia } from '#services/media/attachments'

type Params = {
  actor: Membership
  data: Infer<typeof cannedResponseValidator>
  /** The organization-wide canned response to change; a new one goes last. */
  id?: number
}

/**
 * Adds an organization-wide canned response, or changes one: another
 * organization's (or a campaign's own) is not found.
 */
export default class SaveCannedResponse {
  static async handle({ actor, data, id }: Params) {
    const { title, body } = data
    const tags = data.tags ?? []
    const mediaIds = data.mediaIds ?? []
    await checkOwnMedia(actor.organizationId, { mediaIds })
    if (id !== undefined) {
      const found = await CannedResponse.orgWide(actor.organizationId).where('id', id).firstOrFail()
      return found.merge({ title, body, tags, mediaIds }).save()
    }
    const [last] = await CannedResponse.orgWide(actor.organizationId)
      .max('position as position')
      .pojo<{ position: number | null }>()
    return CannedResponse.create({
      organizationId: actor.organizationId,
      campaignId: null,
      title,
      body,
      tags,
      mediaIds,
      position: (last?.position ?? -1) + 1,
    })
  }
}
