import type { HttpContext } from '@adonisjs/core/http'
import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import sms from '#services/sms'
import { settingFieldsOf } from '#services/provider_accounts/fields'
import GetProviderAccounts from '#actions/provider_accounts/get_provider_accounts'
import SaveProviderAccount from '#actions/provider_accounts/save_provider_account'
import SendTestMessage from '#actions/provider_accounts/send_test_message'
import CheckCredentials from '#actions/provider_accounts/check_credentials'
import EnableProviderAccount from '#actions/provider_accounts/enable_provider_account'
import SaveSenderRegistration from '#actions/provider_accounts/save_sender_registration'
import {
  createProviderAccountValidator,
  senderRegistrationValidator,
  testMessageValidator,
  updateProviderAccountValidator,
} from '#validators/provider_account'
import ProviderAccountTransformer from '#transformers/provider_account_transformer'
import ReviewMessageTransformer from '#transformers/review_message_transformer'

/** The form a plugin's manifest describes. */
async function formOf(id: string) {
  const { manifest } = await sms.plugin(id)
  return {
    id: manifest.id,
    displayName: manifest.displayName,
    credentialFields: manifest.credentialFields,
    settingFields: settingFieldsOf(manifest),
    capabilities: manifest.capabilities,
    notice: manifest.notice ?? null,
  }
}

/**
 * The form's sender numbers: a list, or text with one number per line.
 */
function formInput(request: HttpContext['request']) {
  const numbers = request.input('numbers')
  return {
    ...request.all(),
    numbers: typeof numbers === 'string' ? numbers.split(/[\n,]+/).filter(Boolean) : numbers,
  }
}

export default class ProviderAccountsController {
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    const { accounts, review } = await GetProviderAccounts.handle(membership.organizationId)
    return inertia.render('provider_accounts/index', {
      accounts: accounts.map(({ account, numbers, providerName }) => ({
        ...new ProviderAccountTransformer(account, numbers).toObject(),
        providerName,
      })),
      review: review.map((message) => new ReviewMessageTransformer(message).toObject()),
    })
  }

  async create({ inertia, bouncer }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    return inertia.render('provider_accounts/create', {
      plugins: await Promise.all(sms.ids().map(formOf)),
    })
  }

  async store({ request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    const data = await request.validateUsing(createProviderAccountValidator, {
      data: formInput(request),
    })
    const account = await SaveProviderAccount.handle({ actor: membership, data })
    session.flash('success', i18n.t('flash.providers.added'))
    return response.redirect().toRoute('provider_accounts.edit', { id: account.id })
  }

  async edit({ params, inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    const account = await this.#find(membership.organizationId, params.id)
    const numbers = await SenderNumber.query()
      .where('provider_account_id', account.id)
      .orderBy('id')
    return inertia.render('provider_accounts/edit', {
      account: new ProviderAccountTransformer(account, numbers).toObject(),
      plugin: await formOf(account.provider),
      registration: {
        numbers: numbers.map(({ phone, registered }) => ({ phone, registered })),
        pooled: account.pooled,
        poolRegistered: account.poolRegistered,
      },
    })
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    const account = await this.#find(membership.organizationId, params.id)
    const data = await request.validateUsing(updateProviderAccountValidator, {
      data: formInput(request),
    })
    await SaveProviderAccount.handle({ actor: membership, data, account })
    session.flash('success', i18n.t('flash.providers.saved'))
    return response.redirect().toRoute('provider_accounts.edit', { id: account.id })
  }

  async testMessage({
    params,
    request,
    response,
    membership,
    bouncer,
    session,
    i18n,
  }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    const account = await this.#find(membership.organizationId, params.id)
    const data = await request.validateUsing(testMessageValidator)
    const sent = await SendTestMessage.handle({ actor: membership, account, data })
    session.flash('success', i18n.t('flash.providers.testSent', { id: sent.providerMessageId }))
    return response.redirect().back()
  }

  async check({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    await CheckCredentials.handle(await this.#find(membership.organizationId, params.id))
    session.flash('success', i18n.t('flash.providers.verified'))
    return response.redirect().back()
  }

  async enable({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    const account = await this.#find(membership.organizationId, params.id)
    await EnableProviderAccount.handle({ actor: membership, account })
    session.flash('success', i18n.t('flash.providers.resumed'))
    return response.redirect().back()
  }

  async registration({
    params,
    request,
    response,
    membership,
    bouncer,
    session,
    i18n,
  }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    const account = await this.#find(membership.organizationId, params.id)
    const data = await request.validateUsing(senderRegistrationValidator)
    await SaveSenderRegistration.handle({ actor: membership, account, data })
    session.flash('success', i18n.t('flash.providers.registrationSaved'))
    return response.redirect().back()
  }

  #find(organizationId: number, id: unknown) {
    return ProviderAccount.findForOrganizationOrFail(organizationId, id)
  }
}
