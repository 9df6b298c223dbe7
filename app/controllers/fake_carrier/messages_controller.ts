import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import FakeCarrierMessage from '#models/fake_carrier_message'
import { carrierLookupValidator, carrierSendValidator } from '#validators/fake_carrier'
import {
  acceptMessage,
  CarrierRefusal,
  carrierEnabled,
  findCarrierAccount,
  isAuthorized,
} from '#services/fake_carrier/carrier'
import { ERROR_MESSAGES, type FakeErrorCode } from '#services/fake_carrier/numbers'
import { sqlTime } from '#services/db/sql_time'
import FakeCarrierMessageTransformer from '#transformers/fake_carrier_message_transformer'

/**
 * The fake carrier's API, which the fake plugin's client calls like a real
 * provider's REST API: bearer auth with the account's signing secret, JSON
 * in and out, errors as {"error":{"code","message"}}.
 */
export default class MessagesController {
  /** GET /fake-carrier/accounts/:accountId — the credentials check. */
  async account(ctx: HttpContext) {
    const account = await this.#authorize(ctx)
    if (!account) return
    return { id: account.id, status: 'active' }
  }

  /** POST /fake-carrier/accounts/:accountId/messages — a send. */
  async store(ctx: HttpContext) {
    const account = await this.#authorize(ctx)
    if (!account) return
    try {
      const data = await carrierSendValidator.validate(ctx.request.body())
      const message = await acceptMessage(account, {
        to: data.to,
        from: data.from,
        body: data.body ?? '',
        mediaUrls: data.mediaUrls ?? [],
      })
      return ctx.response.created({ id: message.sid, status: message.status })
    } catch (error) {
      if (error instanceof CarrierRefusal) {
        if (error.status === 429) ctx.response.header('retry-after', '1')
        return this.#refuse(ctx, error.status, error.code)
      }
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        return this.#refuse(ctx, 400, 'invalid_request', JSON.stringify(error.messages))
      }
      throw error
    }
  }

  /**
   * GET /fake-carrier/accounts/:accountId/messages?to=&from=&since= — the
   * texts the carrier took for a phone since a moment, newest first (what a
   * real provider's message list answers).
   */
  async index(ctx: HttpContext) {
    const account = await this.#authorize(ctx)
    if (!account) return
    let query
    try {
      query = await carrierLookupValidator.validate(ctx.request.qs())
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      return this.#refuse(ctx, 400, 'invalid_request', JSON.stringify(error.messages))
    }
    const messages = await FakeCarrierMessage.query()
      .where('provider_account_id', account.id)
      .where('direction', 'to_phone')
      .where('phone', query.to)
      .if(query.from, (builder) => builder.where('sender', query.from!))
      .where('created_at', '>=', sqlTime(query.since))
      .orderBy('id', 'desc')
      .limit(100)
    return {
      data: messages.map((message) => new FakeCarrierMessageTransformer(message).toObject()),
    }
  }

  /** GET /fake-carrier/accounts/:accountId/messages/:sid — a message's status. */
  async show(ctx: HttpContext) {
    const account = await this.#authorize(ctx)
    if (!account) return
    const message = await FakeCarrierMessage.query()
      .where('provider_account_id', account.id)
      .where('sid', ctx.params.sid)
      .first()
    if (!message)
      return ctx.response.notFound({ error: { code: 'not_found', message: 'No such message' } })
    return { id: message.sid, status: message.status, errorCode: message.errorCode }
  }

  async #authorize(ctx: HttpContext) {
    const account = await findCarrierAccount(Number(ctx.params.accountId) || 0)
    if (!account) return this.#refuse(ctx, 404, 'unknown_account')
    if (!isAuthorized(account, ctx.request.header('authorization')?.replace(/^Bearer /, ''))) {
      return this.#refuse(ctx, 401, 'unauthorized')
    }
    if (!carrierEnabled(account.settings)) return this.#refuse(ctx, 403, 'carrier_disabled')
    return account
  }

  #refuse(ctx: HttpContext, status: number, code: FakeErrorCode, detail?: string) {
    const message = detail ? `${ERROR_MESSAGES[code]}: ${detail}` : ERROR_MESSAGES[code]
    ctx.response.status(status).send({ error: { code, message } })
    return null
  }
}
