import type { HttpContext } from '@adonisjs/core/http'
import type Organization from '#models/organization'
import UpdateOrganization from '#actions/organizations/update_organization'
import { updateOrganizationValidator } from '#validators/organization'

export default class OrganizationController {
  async edit({ inertia, organization, bouncer }: HttpContext) {
    await bouncer.with('OrganizationPolicy').authorize('update')
    // Not named `organization`: that shared prop carries the viewer's role the nav relies on.
    return inertia.render('settings/organization', {
      details: {
        name: organization.name,
        slug: organization.slug,
        requiresApproval: organization.requiresApproval,
        settings: organization.settings,
      },
    })
  }

  async update({ request, response, organization, membership, bouncer, session }: HttpContext) {
    await bouncer.with('OrganizationPolicy').authorize('update')
    const data = await request.validateUsing(updateOrganizationValidator)
    await UpdateOrganization.handle({
      organization: organization as Organization,
      actor: membership,
      data,
    })
    session.flash('success', 'Settings saved.')
    return response.redirect().back()
  }
}
