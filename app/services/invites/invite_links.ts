import type Invite from '#models/invite'
import { appUrl } from '#config/app'

/** The join link an admin hands out. */
export function inviteUrl(invite: Invite) {
  return `${appUrl}/join/${invite.token}`
}
