import type { HttpContext } from '@adonisjs/core/http'
import type { I18n } from '@adonisjs/i18n'
import { Exception } from '@adonisjs/core/exceptions'
import ProviderAccount from '#models/provider_account'
import GetRegistrationPage from '#actions/tendlc/get_registration_page'
import SubmitBrand from '#actions/tendlc/submit_brand'
import SubmitCampaign from '#actions/tendlc/submit_campaign'
import RefreshRegistrations from '#actions/tendlc/refresh_registrations'
import { registersThroughProvider } from '#services/registration/registrations'
import {
  brandValidator,
  campaignValidator,
  ENTITY_TYPES,
  USE_CASES,
} from '#validators/tendlc_registration'

/**
 * 10DLC brand and campaign registration of one provider account (owners),
 * for plugins with the registration capability; others are not found.
 */
export default class TendlcRegistrationsController {
  async show({ params, inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('TendlcRegistrationPolicy').authorize('register')
    const account = await this.#find(membership.organizationId, params.id)
    return inertia.render('provider_accounts/tendlc', {
      account: { id: account.id, name: account.name, provider: account.provider },
      entityTypes: [...ENTITY_TYPES],
      useCases: [...USE_CASES],
      ...(await GetRegistrationPage.handle(account)),
    })
  }

  async brand({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('TendlcRegistrationPolicy').authorize('register')
    const account = await this.#find(membership.organizationId, params.id)
    const data = await request.validateUsing(brandValidator)
    const row = await SubmitBrand.handle({ actor: membership, account, data })
    session.flash(row.status === 'failed' ? 'error' : 'success', submitted(i18n, 'brand', row))
    return response.redirect().toRoute('tendlc_registrations.show', { id: account.id })
  }

  async campaign({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('TendlcRegistrationPolicy').authorize('register')
    const account = await this.#find(membership.organizationId, params.id)
    const data = await request.validateUsing(campaignValidator)
    const row = await SubmitCampaign.handle({ actor: membership, account, data })
    session.flash(row.status === 'failed' ? 'error' : 'success', submitted(i18n, 'campaign', row))
    return response.redirect().toRoute('tendlc_registrations.show', { id: account.id })
  }

  async refresh({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('TendlcRegistrationPolicy').authorize('register')
    const account = await this.#find(membership.organizationId, params.id)
    await RefreshRegistrations.handle(account)
    session.flash('success', i18n.t('flash.providers.statusChecked'))
    return response.redirect().toRoute('tendlc_registrations.show', { id: account.id })
  }

  async #find(organizationId: number, id: unknown) {
    const account = await ProviderAccount.findForOrganizationOrFail(organizationId, id)
    if (!(await registersThroughProvider(account))) {
      throw new Exception('Not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
    }
    return account
  }
}

function submitted(
  i18n: I18n,
  what: 'brand' | 'campaign',
  row: { status: string; statusReason: string | null }
) {
  return row.status === 'failed'
    ? i18n.t('flash.providers.registrationRefused', { what, reason: row.statusReason ?? '' })
    : i18n.t('flash.providers.registrationSubmitted', { what, status: row.status })
}
