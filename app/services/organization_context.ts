import { Bouncer } from '@adonisjs/bouncer'
import { policies } from '#generated/policies'
import type { HttpContext } from '@adonisjs/core/http'
import type Membership from '#models/membership'
import type Organization from '#models/organization'

/**
 * Puts the acting membership and its organization on the request, and gives
 * the request a bouncer that judges that membership.
 */
export function enterOrganization(ctx: HttpContext, membership: Membership) {
  ctx.membership = membership
  ctx.organization = membership.organization
  ctx.bouncer = new Bouncer(() => membership, {}, policies).setContainerResolver(
    ctx.containerResolver
  )
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    membership: Membership
    organization: Organization
    bouncer: Bouncer<Membership, {}, typeof policies>
  }
}
