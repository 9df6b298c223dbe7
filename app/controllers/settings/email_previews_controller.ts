import type { HttpContext } from '@adonisjs/core/http'
import { emailPreviews } from '#services/notifications/previews'

/** Admins see every notification email as it is sent, with sample data, in each language. */
export default class EmailPreviewsController {
  async index({ inertia, organization, bouncer }: HttpContext) {
    await bouncer.with('OrganizationPolicy').authorize('update')
    return inertia.render('settings/email_previews', {
      previews: await emailPreviews(organization.name),
    })
  }
}
