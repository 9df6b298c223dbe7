import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import ActionRefusedException from '#exceptions/action_refused_exception'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Invite from '#models/invite'
import Membership from '#models/membership'
import User from '#models/user'
import Organization from '#models/organization'
import { audit } from '#services/audit'
import { forUpdate } from '#services/db/row_locks'
import { inviteRefusal } from '#services/invites/usable_invites'

export type NewAccount = { fullName: string; email: string; password: string }
/** An account asked for by email and confirmed from the emailed link (see RequestJoin). */
type ConfirmedAccount = { fullName: string; email: string; passwordHash: string }

/**
 * Joins an organization through an invite link, either as a new account or as
 * the signed-in user. The use is counted under a row lock, so a link with
 * one use left admits exactly one person however many click at once.
 */
export default class AcceptInvite {
  static async handle(
    token: string,
    joiner: { user: User } | { account: NewAccount | ConfirmedAccount }
  ) {
    return db.transaction(async (trx) => {
      const invite = await forUpdate(Invite.query({ client: trx }).where('token', token)).first()
      const refusal = inviteRefusal(invite)
      if (refusal || !invite) throw refusal

      const user = 'user' in joiner ? joiner.user : await this.createUser(joiner.account, trx)
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

  /** A new account; one confirmed by email comes with its password already hashed. */
  private static async createUser(
    account: NewAccount | ConfirmedAccount,
    trx: TransactionClientContract
  ) {
    if ('password' in account) return User.create(account, { client: trx })
    // Inserted as is: the model would hash the hash again.
    const now = DateTime.now().toFormat(trx.dialect.dateTimeFormat)
    const [id] = await trx.insertQuery().table('users').insert({
      full_name: account.fullName,
      email: account.email,
      password: account.passwordHash,
      created_at: now,
      updated_at: now,
    })
    return User.findOrFail(id, { client: trx })
  }

  private static async join(invite: Invite, user: User, trx: TransactionClientContract) {
    const existing = await Membership.query({ client: trx })
      .where('organization_id', invite.organizationId)
      .where('user_id', user.id)
      .first()
    if (existing) {
      throw new ActionRefusedException('refusals.invites.alreadyMember', {
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
