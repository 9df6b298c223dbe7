/*
| Realtime channels (server-sent events). A signed-in user hears an
| organization's whole traffic only as an active supervisor or above there,
| and their own conversations only as an active member. These rules are
| asked again whenever someone's access changes (app/services/live_streams.ts).
*/
import transmit from '@adonisjs/transmit/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import { middleware } from '#start/kernel'
import Membership from '#models/membership'
import { MEMBER_CHANNEL, ORGANIZATION_CHANNEL } from '#services/realtime/updates'
import { authorizeLive } from '#services/realtime/live_streams'

const routeNames: Record<string, string> = {
  '/__transmit/events': 'transmit.events',
  '/__transmit/subscribe': 'transmit.subscribe',
  '/__transmit/unsubscribe': 'transmit.unsubscribe',
}

// Transmit registers its patterns without the leading slash.
transmit.registerRoutes((route) => {
  route.use(middleware.auth()).as(routeNames[`/${route.getPattern().replace(/^\//, '')}`])
})

async function activeMembership(ctx: HttpContext, organizationId: string) {
  const user = ctx.auth.user
  if (!user) return null
  return Membership.query()
    .where('user_id', user.id)
    .where('organization_id', Number(organizationId) || 0)
    .where('status', 'active')
    .first()
}

authorizeLive<{ organizationId: string }>(
  ORGANIZATION_CHANNEL,
  async (ctx: HttpContext, { organizationId }) => {
    const membership = await activeMembership(ctx, organizationId)
    return Boolean(membership?.atLeast('supervisor'))
  }
)

authorizeLive<{ organizationId: string; userId: string }>(
  MEMBER_CHANNEL,
  async (ctx: HttpContext, { organizationId, userId }) => {
    if (!ctx.auth.user || ctx.auth.user.id !== Number(userId)) return false
    return Boolean(await activeMembership(ctx, organizationId))
  }
)
