import env from '#start/env'
import app from '@adonisjs/core/services/app'
import transmit from '@adonisjs/transmit/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import { redisConnection } from '#services/db/redis_connection'
import { redisKey } from '#services/db/redis_keys'
import { sessionIsLive } from '#services/auth/sessions/configured_store'

/**
 * Open event streams (Transmit) are told apart by a client-chosen id and
 * authorized once, when a channel is joined. This module remembers who was
 * let into which channel, and when someone's access changes (signed out,
 * suspended, removed, demoted) checks their open subscriptions again with
 * the same rules: a stream whose session has ended is closed; a channel the
 * member may no longer hear is left. With REDIS_HOST set, the change is
 * announced to every process, so a stream held by another process is
 * checked there too.
 */

type ChannelCheck<Params> = (ctx: HttpContext, params: Params) => Promise<boolean>

/** Who was let into a channel on a stream, and how to ask again. */
type Grant = { userId: number; sessionId: string | null; recheck: (user: User) => Promise<boolean> }

/** Stream id → channel → grant. */
const grants = new Map<string, Map<string, Grant>>()

/**
 * Bumped when a user's access changes: a channel join that was being
 * authorized meanwhile is refused instead of slipping in after the check.
 */
const revisions = new Map<number, number>()
const revisionOf = (userId: number) => revisions.get(userId) ?? 0

const ACCESS_CHANNEL = redisKey('access-changed')

/**
 * Secures `pattern` with `check` (which reads `ctx.auth.user` only), and
 * records each join it allows.
 */
export function authorizeLive<Params extends Record<string, string>>(
  pattern: string,
  check: ChannelCheck<Params>
) {
  forgetClosedStreams()
  transmit.authorize<Params>(pattern, async (ctx, params) => {
    const user = ctx.auth.user
    const uid = ctx.request.input('uid')
    const channel = ctx.request.input('channel')
    if (!user || typeof uid !== 'string' || typeof channel !== 'string') return false
    const revision = revisionOf(user.id)
    if (!(await check(ctx, params))) return false
    if (revisionOf(user.id) !== revision) return false

    const streamGrants = grants.get(uid) ?? new Map<string, Grant>()
    grants.set(uid, streamGrants)
    streamGrants.set(channel, {
      userId: user.id,
      sessionId: ctx.session?.sessionId ?? null,
      recheck: (current) => check({ auth: { user: current } } as unknown as HttpContext, params),
    })
    listenForChanges()
    return true
  })
}

/**
 * Checks again every subscription this process holds for `userId`. Returns
 * how many streams were closed and channels left.
 */
export async function recheckStreams(userId: number) {
  revisions.set(userId, revisionOf(userId) + 1)
  const manager = transmit.getManager()
  const user = await User.find(userId)
  let closed = 0
  let left = 0
  for (const [stream, channels] of manager.getAllSubscribers()) {
    const uid = stream.getUid()
    const streamGrants = grants.get(uid)
    if (!streamGrants) continue
    for (const channel of [...channels]) {
      const grant = streamGrants.get(channel)
      if (!grant || grant.userId !== userId) continue
      if (!user || (grant.sessionId && !(await sessionIsLive(grant.sessionId)))) {
        // Signed out: the whole stream goes; the browser's reconnection is refused.
        grants.delete(uid)
        stream.end()
        closed++
        break
      }
      if (!(await grant.recheck(user))) {
        await manager.unsubscribe({ uid, channel, context: undefined })
        streamGrants.delete(channel)
        left++
      }
    }
  }
  return { closed, left }
}

/**
 * `userId`'s access changed: their streams here are checked again at once,
 * and other processes are told to check theirs.
 */
export async function accessChanged(userId: number) {
  await recheckStreams(userId)
  if (env.get('REDIS_HOST')) {
    await redisConnection().publish(ACCESS_CHANNEL, JSON.stringify({ userId }))
  }
}

let forgetting = false

function forgetClosedStreams() {
  if (forgetting) return
  forgetting = true
  transmit.on('disconnect', ({ uid }) => grants.delete(uid))
}

let subscribed: Promise<unknown> | undefined

/**
 * Hears other processes' announcements; only a process holding streams
 * listens (ace commands never do).
 */
function listenForChanges() {
  if (subscribed || !env.get('REDIS_HOST')) return
  const subscriber = redisConnection('subscriber')
  subscriber.on('message', (channel, message) => {
    if (channel !== ACCESS_CHANNEL) return
    const userId = Number((JSON.parse(message) as { userId?: unknown }).userId)
    if (Number.isInteger(userId)) {
      recheckStreams(userId).catch(reportFailure)
    }
  })
  subscribed = subscriber.subscribe(ACCESS_CHANNEL).catch(reportFailure)
}

async function reportFailure(error: unknown) {
  const logger = await app.container.make('logger')
  logger.error({ err: error }, 'Checking open live streams again failed')
}

/** Resolves once this process hears other processes' announcements (when REDIS_HOST is set). */
export async function listeningForChanges() {
  listenForChanges()
  await subscribed
}

/** How many members hold at least one authorized live stream on this process. */
export function textersOnline() {
  const users = new Set<number>()
  for (const streamGrants of grants.values()) {
    for (const { userId } of streamGrants.values()) users.add(userId)
  }
  return users.size
}

/** Ends every live stream this process holds (it is shutting down). */
export function endAllStreams() {
  for (const [stream] of transmit.getManager().getAllSubscribers()) stream.end()
}
