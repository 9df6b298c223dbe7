import type Invite from '#models/invite'
import { inviteUrl } from '#services/invites/invite_links'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** An invite link with how far it has been used, as the API shows it. */
export default class InviteTransformer extends BaseTransformer<Invite> {
  toObject() {
    return { ...this.forPage(), expiresAt: this.resource.expiresAt?.toUTC().toISO() ?? null }
  }

  /** The invites page gives the expiry in the server's zone, not UTC. */
  forPage() {
    const invite = this.resource
    return {
      id: invite.id,
      role: invite.role,
      url: inviteUrl(invite),
      uses: invite.uses,
      maxUses: invite.maxUses,
      expiresAt: invite.expiresAt?.toISO() ?? null,
      state: invite.unusableReason ?? 'open',
    }
  }
}
