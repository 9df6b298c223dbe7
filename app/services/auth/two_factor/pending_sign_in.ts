import type { Session } from '@adonisjs/session'
import { clock } from '#services/clock'

const KEY = 'two_factor_pending'
/** The code must follow the password within this long, or the password is asked again. */
const PENDING_FOR_MS = 5 * 60_000

type Pending = { userId: number; email: string; expiresAt: number }

/**
 * Between a right password and the second factor, the session holds only who
 * is signing in and until when; it is not signed in.
 */
export function startPendingSignIn(session: Session, user: { id: number; email: string }) {
  session.put(KEY, {
    userId: user.id,
    email: user.email,
    expiresAt: clock.now().getTime() + PENDING_FOR_MS,
  })
}

/** The sign-in waiting for its second factor, unless there is none or it has expired. */
export function pendingSignIn(session: Session): Pending | null {
  const pending = session.get(KEY) as Pending | undefined
  if (!pending || pending.expiresAt <= clock.now().getTime()) return null
  return pending
}

export function endPendingSignIn(session: Session) {
  session.forget(KEY)
}
