import type { HttpContext } from '@adonisjs/core/http'
import CompleteSetup from '#actions/organizations/complete_setup'
import { setupValidator } from '#validators/organization'
import { CURRENT_ORGANIZATION_KEY } from '#middleware/organization_middleware'

export default class SetupController {
  async create({ inertia, response }: HttpContext) {
    if (!(await CompleteSetup.isNeeded())) return response.redirect().toRoute('session.create')
    return inertia.render('setup/create', {})
  }

  async store({ request, response, auth, session, i18n }: HttpContext) {
    const data = await request.validateUsing(setupValidator)
    const { user, organization } = await CompleteSetup.handle(data)
    await auth.use('web').login(user)
    session.put(CURRENT_ORGANIZATION_KEY, organization.id)
    session.flash('success', i18n.t('flash.setup.welcome', { organization: organization.name }))
    return response.redirect().toRoute('dashboard')
  }
}
