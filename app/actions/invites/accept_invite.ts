import db from '@adonisjs/lucid/services/db'
import ActionRefusedException from '#exceptions/action_refused_exception'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Invite from '#models/invite'
import Membership from '#models/membership'
import User from '#models/user'
import Organization from '#models/organization'
import { audit } from '#services/audit'

type NewAccount = { fullName: string; email: string; password: string }

/**
 * Joins an organization through an invite link, either as a new account or as
 * the signed-in user. The use is counted under a row lock, so a link with
 * one use left admits exactly one person however many click at once.
 */
export default class AcceptInvite {
  static async findByToken(token: string) {
    return Invite.query().where('token', token).preload('organization').first()
  }

  static async handle(token: string, joiner: { user: User } | { account: NewAccount }) {
    return db.transaction(async (trx) => {
      const invite = await Invite.query({ client: trx }).where('token', token).forUpdate().first()
      if (!invite)
        throw new ActionRefusedException('This invite link does not exist', { status: 404 })
      const reason = invite.unusableReason
      if (reason) {
        throw new ActionRefusedException(
          `This invite link is ${reason}. Ask the organizer for a new one.`,
          {
            status: 410,
            code: 'E_INVITE_UNUSABLE',
          }
        )
      }

      const user =
        'user' in joiner ? joiner.user : await User.create(joiner.account, { client: trx })
      const membership = await this.join(invite, user, trx)
      invite.uses += 1
      invite.useTransaction(trx)
      await invite.save()
      await audit(
        {
          organizationId: invite.organizationId,
          userId: user.id,
          action: 'member.joined',
          subject: { type: 'membership', id: membership.id },
          details: { role: membership.role, status: membership.status, inviteId: invite.id },
        },
        trx
      )
      return { user, membership }
    })
  }

  private static async join(invite: Invite, user: User, trx: TransactionClientContract) {
    const existing = await Membership.query({ client: trx })
      .where('organization_id', invite.organizationId)
      .where('user_id', user.id)
      .first()
    if (existing) {
      throw new ActionRefusedException('You are already a member of this organization', {
        status: 409,
        code: 'E_ALREADY_MEMBER',
      })
    }
    const organization = await Organization.findOrFail(invite.organizationId, { client: trx })
    return Membership.create(
      {
        organizationId: invite.organizationId,
        userId: user.id,
        role: invite.role,
        status: organization.requiresApproval ? 'pending' : 'active',
      },
      { client: trx }
    )
  }
}
