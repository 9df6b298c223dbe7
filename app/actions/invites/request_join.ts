import hash from '@adonisjs/core/services/hash'
import encryption from '@adonisjs/core/services/encryption'
import limiter from '@adonisjs/limiter/services/main'
import { appUrl } from '#config/app'
import User from '#models/user'
import type { NewAccount } from '#actions/invites/accept_invite'
import { findUsableInvite } from '#services/invites/usable_invites'
import { sendLinkMail } from '#services/mailer'

/** How long the "finish joining" link works. */
const CONFIRM_WITHIN = '24 hours'

/** Emails per address, so the form cannot flood someone's inbox. */
const perAddress = limiter.use({ requests: 3, duration: '15 mins' })

/** What the "finish joining" link carries, encrypted with the app key. */
type JoinRequest = { invite: string; fullName: string; email: string; passwordHash: string }

/**
 * Someone without a signed-in account asked to join through an invite link.
 * Nothing is created yet and the answer is the same whoever they are: the
 * address gets a link that finishes joining, or, when it already has an
 * account, a prompt to sign in with it and open the invite again. So the
 * form never tells anyone whether an address is registered.
 */
export default class RequestJoin {
  static async handle(token: string, account: NewAccount) {
    const invite = await findUsableInvite(token)
    const organization = invite.organization.name
    // Hashed either way, so both answers take as long.
    const passwordHash = await hash.make(account.password)
    // Past the limit the answer stays the same; only the email is not sent again.
    if (!(await perAddress.attempt(`join_${account.email}`, () => true))) return
    const existing = await User.findBy('email', account.email)

    if (existing) {
      await sendLinkMail({
        to: existing.email,
        subject: `Join ${organization} on Porchlight: sign in first`,
        intro: `Someone, probably you, asked to join ${organization} as a ${invite.role} with this address. It already has a Porchlight account: sign in with it, then open this invite link again to join. If it was not you, there is nothing to do.`,
        linkLabel: `Sign in and join ${organization}`,
        url: `${appUrl}/join/${token}`,
      })
      return
    }

    const request: JoinRequest = {
      invite: token,
      fullName: account.fullName,
      email: account.email,
      passwordHash,
    }
    const code = encryption.encrypt(request, CONFIRM_WITHIN)
    await sendLinkMail({
      to: account.email,
      subject: `Finish joining ${organization} on Porchlight`,
      intro: `You asked to join ${organization} as a ${invite.role}. This link creates your account and signs you in; it works once, for 24 hours. If it was not you, there is nothing to do.`,
      linkLabel: `Finish joining ${organization}`,
      url: `${appUrl}/join/${token}/confirm?code=${encodeURIComponent(code)}`,
    })
  }

  /** The request a link's code carries, or null when it was altered or has expired. */
  static read(token: string, code: unknown): JoinRequest | null {
    if (typeof code !== 'string') return null
    const request = encryption.decrypt<JoinRequest>(code)
    return request && request.invite === token ? request : null
  }
}
