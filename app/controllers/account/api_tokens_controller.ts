import type { HttpContext } from '@adonisjs/core/http'
import Membership from '#models/membership'
import CreateApiToken from '#actions/api_tokens/create_api_token'
import RevokeApiToken from '#actions/api_tokens/revoke_api_token'
import { createApiTokenValidator } from '#validators/api_token'
import ApiTokenTransformer from '#transformers/api_token_transformer'

/**
 * A user's API tokens for the current organization.
 */
export default class ApiTokensController {
  async index({ inertia, membership, session }: HttpContext) {
    const tokens = await Membership.accessTokens.all(membership)
    return inertia.render('account/api_tokens', {
      tokens: tokens.map((token) => new ApiTokenTransformer(token).toObject()),
      newToken: (session.flashMessages.get('newToken') as string | undefined) ?? null,
    })
  }

  async store({ request, response, membership, session }: HttpContext) {
    const { name } = await request.validateUsing(createApiTokenValidator)
    const token = await CreateApiToken.handle(membership, name)
    session.flash('newToken', token.secret)
    return response.redirect().toRoute('api_tokens.index')
  }

  async destroy({ params, response, membership, session, i18n }: HttpContext) {
    const deleted = await RevokeApiToken.handle(membership, Number(params.id))
    if (!deleted) return response.notFound()
    session.flash('success', i18n.t('flash.account.tokenRevoked'))
    return response.redirect().toRoute('api_tokens.index')
  }
}
