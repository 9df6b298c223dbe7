import type { HttpContext } from '@adonisjs/core/http'
import IntegrationAccount from '#models/integration_account'
import ContactList from '#models/contact_list'
import Campaign from '#models/campaign'
import SaveIntegrationAccount from '#actions/integrations/save_integration_account'
import TestIntegrationConnection from '#actions/integrations/test_integration_connection'
import ImportPeopleNow from '#actions/integrations/import_people_now'
import RetrySyncItem from '#actions/integrations/retry_sync_item'
import { integrationAccountValidator } from '#validators/integration'
import integrations from '#services/integrations/plugins'
import { syncLog } from '#services/integrations/sync_log'

/** An account as the pages show it: never its credentials, only which are set. */
function accountProps(account: IntegrationAccount) {
  return {
    id: account.id,
    plugin: account.plugin,
    name: account.name,
    enabled: account.enabled,
    settings: account.settings,
    credentialsSet: Object.keys(account.credentials),
    importKind: account.importKind,
    importSourceId: account.importSourceId,
    importListId: account.importListId,
    importEveryMinutes: account.importEveryMinutes,
    importNextAt: account.importNextAt?.toISO() ?? null,
  }
}

/**
 * The Integrations settings pages (admins): CRM accounts, their people
 * imports, campaign mappings and sync log.
 */
export default class IntegrationsController {
  async index({ inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('IntegrationAccountPolicy').authorize('manage')
    const accounts = await IntegrationAccount.forOrganization(membership.organizationId).orderBy(
      'id'
    )
    return inertia.render('integrations/index', {
      accounts: accounts.map(accountProps),
      plugins: await integrations.manifests(),
    })
  }

  async store({ request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('IntegrationAccountPolicy').authorize('manage')
    const data = await request.validateUsing(integrationAccountValidator)
    const account = await SaveIntegrationAccount.handle({
      actor: membership,
      data: {
        ...data,
        plugin: data.plugin ?? '',
        credentials: data.credentials ?? {},
        settings: data.settings ?? {},
      },
    })
    session.flash('success', i18n.t('flash.integrations.added'))
    return response.redirect().toRoute('integrations.edit', { id: account.id })
  }

  async edit({ params, request, inertia, membership, bouncer }: HttpContext) {
    await bouncer.with('IntegrationAccountPolicy').authorize('manage')
    const account = await this.#find(membership.organizationId, params.id)
    const page = Math.max(1, Number.parseInt(request.input('page', '1'), 10) || 1)
    const [plugin, lists, campaigns, log] = await Promise.all([
      integrations.plugin(account.plugin),
      ContactList.forOrganization(membership.organizationId).orderBy('name').select('id', 'name'),
      Campaign.forOrganization(membership.organizationId)
        .orderBy('id', 'desc')
        .select('id', 'name'),
      syncLog(account.id, page),
    ])
    return inertia.render('integrations/edit', {
      account: accountProps(account),
      // Non-secret credentials (an application name) are shown; secrets never are.
      publicCredentials: Object.fromEntries(
        plugin.manifest.credentialFields
          .filter((field) => !field.secret)
          .map((field) => [field.name, account.credentials[field.name] ?? ''])
      ),
      manifest: plugin.manifest,
      lists: lists.map((list) => ({ id: list.id, name: list.name })),
      campaigns: campaigns.map((campaign) => ({ id: campaign.id, name: campaign.name })),
      log,
    })
  }

  async update({ params, request, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('IntegrationAccountPolicy').authorize('manage')
    const account = await this.#find(membership.organizationId, params.id)
    const data = await request.validateUsing(integrationAccountValidator)
    await SaveIntegrationAccount.handle({
      actor: membership,
      account,
      data: {
        ...data,
        plugin: account.plugin,
        credentials: data.credentials ?? {},
        settings: data.settings ?? {},
      },
    })
    session.flash('success', i18n.t('flash.integrations.saved'))
    return response.redirect().toRoute('integrations.edit', { id: account.id })
  }

  async test({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('IntegrationAccountPolicy').authorize('manage')
    const account = await this.#find(membership.organizationId, params.id)
    const failure = await TestIntegrationConnection.handle(account)
    if (failure) session.flash('error', i18n.t('flash.integrations.failed', { failure }))
    else session.flash('success', i18n.t('flash.integrations.connected'))
    return response.redirect().toRoute('integrations.edit', { id: account.id })
  }

  async importNow({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('IntegrationAccountPolicy').authorize('manage')
    const account = await this.#find(membership.organizationId, params.id)
    const outcome = await ImportPeopleNow.handle(account)
    session.flash(
      outcome === 'failed' ? 'error' : 'success',
      i18n.t('flash.integrations.imported', { outcome })
    )
    return response.redirect().toRoute('integrations.edit', { id: account.id })
  }

  async retry({ params, response, membership, bouncer, session, i18n }: HttpContext) {
    await bouncer.with('IntegrationAccountPolicy').authorize('manage')
    const account = await this.#find(membership.organizationId, params.id)
    if (!(await RetrySyncItem.handle(account, params.itemId))) return response.notFound()
    session.flash('success', i18n.t('flash.integrations.requeued'))
    return response.redirect().toRoute('integrations.edit', { id: account.id })
  }

  #find(organizationId: number, id: unknown) {
    return IntegrationAccount.findForOrganizationOrFail(organizationId, id)
  }
}
