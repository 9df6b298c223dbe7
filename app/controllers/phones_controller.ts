import app from '@adonisjs/core/services/app'
import { errors } from '@adonisjs/lucid'
import type { HttpContext } from '@adonisjs/core/http'
import ProviderAccount from '#models/provider_account'
import sms from '#services/sms'
import SenderNumber from '#models/sender_number'
import FakeCarrierMessage from '#models/fake_carrier_message'
import ListPhones from '#actions/fake_carrier/list_phones'
import TextAsPhone from '#actions/fake_carrier/text_as_phone'
import { phoneTextValidator } from '#validators/fake_carrier'
import { carrierEnabled } from '#services/fake_carrier/carrier'
import { fakeCarrierSettings } from '#services/fake_carrier/settings'
import { MAGIC_NUMBERS } from '#services/fake_carrier/numbers'
import FakeCarrierMessageTransformer from '#transformers/fake_carrier_message_transformer'

const THREAD_LENGTH = 500

/**
 * The fake carrier's Phones page: what each fake phone received from the
 * organization, and a way to text back as that person.
 */
export default class PhonesController {
  async index({ inertia, membership, bouncer, request }: HttpContext) {
    await bouncer.with('FakeCarrierPolicy').authorize('usePhones')
    const accounts = await this.#accounts(membership.organizationId)
    const account =
      accounts.find(({ id }) => id === Number(request.input('account'))) ?? accounts[0]

    return inertia.render('phones/index', {
      accounts: accounts.map(({ id, name }) => ({ id, name })),
      account: account
        ? { id: account.id, name: account.name, senders: await this.#senders(account) }
        : null,
      phones: account ? await ListPhones.handle(account.id) : [],
      magicNumbers: Object.entries(MAGIC_NUMBERS).map(([phone, { description }]) => ({
        phone,
        description,
      })),
      inProduction: app.inProduction,
    })
  }

  async show({ inertia, membership, bouncer, params }: HttpContext) {
    await bouncer.with('FakeCarrierPolicy').authorize('usePhones')
    const account = await this.#account(membership.organizationId, params.accountId)
    const latest = await FakeCarrierMessage.forOrganization(membership.organizationId)
      .where('provider_account_id', account.id)
      .where('phone', params.phone)
      .orderBy('id', 'desc')
      .limit(THREAD_LENGTH)
    const messages = latest.reverse()
    const senders = [
      ...new Set([
        ...messages.map((message) => message.sender).reverse(),
        ...(await this.#senders(account)),
      ]),
    ]

    return inertia.render('phones/show', {
      account: { id: account.id, name: account.name },
      phone: params.phone as string,
      senders,
      messages: messages.map((message) => new FakeCarrierMessageTransformer(message).forPhone()),
    })
  }

  async store({ request, response, membership, bouncer, params, session, i18n }: HttpContext) {
    await bouncer.with('FakeCarrierPolicy').authorize('usePhones')
    const account = await this.#account(membership.organizationId, params.accountId)
    const data = await request.validateUsing(phoneTextValidator)
    await TextAsPhone.handle({ account, data })
    session.flash('success', i18n.t('flash.phones.sent', { phone: data.phone }))
    return response.redirect().toRoute('phones.show', { accountId: account.id, phone: data.phone })
  }

  /** The organization's accounts the carrier simulator serves here. */
  async #accounts(organizationId: number) {
    const accounts = await ProviderAccount.forOrganization(organizationId)
      .whereIn('provider', await sms.idsWith('carrierSimulator'))
      .orderBy('id')
    return accounts.filter((account) => carrierEnabled(fakeCarrierSettings(account.settings)))
  }

  async #account(organizationId: number, id: unknown) {
    const accounts = await this.#accounts(organizationId)
    const account = accounts.find((candidate) => candidate.id === Number(id))
    if (!account) throw new errors.E_ROW_NOT_FOUND(ProviderAccount)
    return account
  }

  async #senders(account: ProviderAccount) {
    const numbers = await SenderNumber.forOrganization(account.organizationId)
      .where('provider_account_id', account.id)
      .orderBy('id')
    return numbers.map(({ phone }) => phone)
  }
}
