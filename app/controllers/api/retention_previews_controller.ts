import type { HttpContext } from '@adonisjs/core/http'
import PreviewRetention from '#actions/organizations/preview_retention'
import { retentionPreviewValidator } from '#validators/organization'

export default class RetentionPreviewsController {
  /** `?conversationsMonths=&exportsDays=` (the saved limits where none is given). */
  async show({ request, organization, bouncer }: HttpContext) {
    await bouncer.with('OrganizationPolicy').authorize('update')
    const data = await request.validateUsing(retentionPreviewValidator, { data: request.qs() })
    return PreviewRetention.handle({ organization, data })
  }
}
