import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import UserTransformer from '#transformers/user_transformer'
import { needsReplyCount } from '#services/conversations/inbox'

export default class InertiaMiddleware extends BaseInertiaMiddleware {
  share(ctx: HttpContext) {
    /**
     * A page may render before the session or auth middleware ran (a 404,
     * for example), so the context can be half hydrated here.
     */
    const { session, auth, membership, otherMemberships } = ctx as Partial<HttpContext>

    const webUser = auth?.use('web').user
    const errorsBag = session?.flashMessages.get('errorsBag') ?? {}
    const error: string | undefined = Object.keys(errorsBag)
      .filter((code) => code !== 'E_VALIDATION_ERROR')
      .map((code) => errorsBag[code])[0]

    return {
      // The pages load this locale's catalogue (resources/lang) and format with it.
      locale: ctx.inertia.always((ctx as Partial<HttpContext>).i18n?.locale ?? 'en'),
      errors: ctx.inertia.always(this.getValidationErrors(ctx)),
      // Not "always": a partial reload (a live count, say) keeps the message
      // the page arrived with instead of replacing it with an empty one.
      flash: {
        error: error ?? (session?.flashMessages.get('error') as string | undefined),
        success: session?.flashMessages.get('success') as string | undefined,
      },
      user: ctx.inertia.always(webUser ? UserTransformer.transform(webUser) : undefined),
      organization: ctx.inertia.always(
        membership?.organization
          ? {
              id: membership.organization.id,
              name: membership.organization.name,
              slug: membership.organization.slug,
              role: membership.role,
              // Where the logo leads: the overview for organizers, texting for texters.
              home: membership.homeRoute,
            }
          : undefined
      ),
      // The navigation's badge: one indexed count, read when the page renders.
      needsReplyCount: membership?.isActive
        ? () =>
            needsReplyCount({
              organizationId: membership.organizationId,
              userId: membership.userId,
            })
        : 0,
      otherOrganizations: ctx.inertia.always(
        (otherMemberships ?? []).map((m) => ({
          id: m.organization.id,
          name: m.organization.name,
          status: m.status,
        }))
      ),
    }
  }

  async handle(ctx: HttpContext, next: NextFn) {
    await this.init(ctx)
    const output = await next()
    this.dispose(ctx)
    return output
  }
}

declare module '@adonisjs/inertia/types' {
  type MiddlewareSharedProps = InferSharedProps<InertiaMiddleware>
  export interface SharedProps extends MiddlewareSharedProps {}
}
