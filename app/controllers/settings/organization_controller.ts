import type { HttpContext } from '@adonisjs/core/http'
import type Organization from '#models/organization'
import UpdateOrganization from '#actions/organizations/update_organization'
import PreviewRetention from '#actions/organizations/preview_retention'
import { retentionPreviewValidator, updateOrganizationValidator } from '#validators/organization'

export default class OrganizationController {
  /** `?conversationsMonths=&exportsDays=` recount the retention dry run for limits not yet saved. */
  async edit({ inertia, request, organization, bouncer }: HttpContext) {
    await bouncer.with('OrganizationPolicy').authorize('update')
    // Limits being typed in: an unusable one counts as not given (never a redirect loop).
    const [invalid, preview] = await retentionPreviewValidator.tryValidate(request.qs())
    // Not named `organization`: that shared prop carries the viewer's role the nav relies on.
    return inertia.render('settings/organization', {
      details: {
        name: organization.name,
        slug: organization.slug,
        requiresApproval: organization.requiresApproval,
        settings: organization.settings,
      },
      retentionPreview: await PreviewRetention.handle({
        organization: organization as Organization,
        data: invalid ? {} : preview,
      }),
    })
  }

  async update({
    request,
    response,
    organization,
    membership,
    bouncer,
    session,
    i18n,
  }: HttpContext) {
    await bouncer.with('OrganizationPolicy').authorize('update')
    const data = await request.validateUsing(updateOrganizationValidator)
    await UpdateOrganization.handle({
      organization: organization as Organization,
      actor: membership,
      data,
    })
    session.flash('success', i18n.t('flash.settings.saved'))
    return response.redirect().back()
  }
}
