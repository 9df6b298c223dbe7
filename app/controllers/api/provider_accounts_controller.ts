import type { HttpContext } from '@adonisjs/core/http'
import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import SaveProviderAccount from '#actions/provider_accounts/save_provider_account'
import SendTestMessage from '#actions/provider_accounts/send_test_message'
import ProviderRejectedException from '#exceptions/provider_rejected_exception'
import { createProviderAccountValidator, testMessageValidator } from '#validators/provider_account'
import ProviderAccountTransformer from '#transformers/provider_account_transformer'

async function present(account: ProviderAccount) {
  const numbers = await SenderNumber.query().where('provider_account_id', account.id).orderBy('id')
  return new ProviderAccountTransformer(account, numbers).toSummary()
}

export default class ProviderAccountsController {
  async index({ membership, bouncer }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    const accounts = await ProviderAccount.forOrganization(membership.organizationId).orderBy('id')
    const data = await Promise.all(accounts.map(present))
    return { data, meta: { total: data.length, page: 1, perPage: Math.max(data.length, 1) } }
  }

  async show({ params, membership, bouncer }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    return present(await this.#find(membership.organizationId, params.id))
  }

  async store({ request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    const data = await request.validateUsing(createProviderAccountValidator)
    const account = await SaveProviderAccount.handle({ actor: membership, data })
    return response.created(await present(account))
  }

  /**
   * A provider's refusal answers 422 with the provider's code (as `code`,
   * and `rule: "provider"`) next to its message.
   */
  async testMessage({ params, request, response, membership, bouncer }: HttpContext) {
    await bouncer.with('ProviderAccountPolicy').authorize('manage')
    const account = await this.#find(membership.organizationId, params.id)
    const data = await request.validateUsing(testMessageValidator)
    try {
      return response.created(await SendTestMessage.handle({ actor: membership, account, data }))
    } catch (error) {
      if (!(error instanceof ProviderRejectedException)) throw error
      const { code, message, errorClass } = error.classified
      return response.unprocessableEntity({
        errors: [{ message, field: 'to', rule: 'provider', code, errorClass }],
      })
    }
  }

  #find(organizationId: number, id: unknown) {
    return ProviderAccount.findForOrganizationOrFail(organizationId, id)
  }
}
