import Invite from '#models/invite'
import ActionRefusedException from '#exceptions/action_refused_exception'

/** The invite behind a link, with its organization; null when there is none. */
export function findInvite(token: string) {
  return Invite.query().where('token', token).preload('organization').first()
}

/** Why an invite link cannot be used (missing, expired, revoked, used up); null when it can. */
export function inviteRefusal(invite: Invite | null) {
  if (!invite) return new ActionRefusedException('refusals.invites.notFound', { status: 404 })
  const reason = invite.unusableReason
  if (!reason) return null
  return new ActionRefusedException(
    reason === 'used up' ? 'refusals.invites.usedUp' : `refusals.invites.${reason}`,
    { status: 410, code: 'E_INVITE_UNUSABLE' }
  )
}

/** The invite behind a link that can still be used, with its organization; refuses any other. */
export async function findUsableInvite(token: string) {
  const invite = await findInvite(token)
  const refusal = inviteRefusal(invite)
  if (refusal) throw refusal
  return invite!
}
