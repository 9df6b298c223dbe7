/*
| Realtime channels (server-sent events). A signed-in user may listen only to
| the organizations they are an active member of.
*/
import transmit from '@adonisjs/transmit/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import { middleware } from '#start/kernel'
import Membership from '#models/membership'
import { ORGANIZATION_CHANNEL } from '#services/realtime'

const routeNames: Record<string, string> = {
  '/__transmit/events': 'transmit.events',
  '/__transmit/subscribe': 'transmit.subscribe',
  '/__transmit/unsubscribe': 'transmit.unsubscribe',
}

// Transmit registers its patterns without the leading slash.
transmit.registerRoutes((route) => {
  route.use(middleware.auth()).as(routeNames[`/${route.getPattern().replace(/^\//, '')}`])
})

transmit.authorize<{ organizationId: string }>(
  ORGANIZATION_CHANNEL,
  async (ctx: HttpContext, { organizationId }) => {
    const user = ctx.auth.user
    if (!user) return false
    const membership = await Membership.query()
      .where('user_id', user.id)
      .where('organization_id', Number(organizationId) || 0)
      .where('status', 'active')
      .first()
    return Boolean(membership)
  }
)
