import { SessionLucidUserProvider } from '@adonisjs/auth/session'
import type User from '#models/user'

/**
 * The session guard's users, read with their memberships in one query (the
 * organization middleware then needs none of its own). The query's module is
 * loaded on first use: config files load before the database service exists.
 */
export class MemberUserProvider extends SessionLucidUserProvider<typeof User> {
  async findById(identifier: string | number | BigInt) {
    const { findMember } = await import('#services/organizations/context')
    const user = await findMember(Number(identifier))
    return user ? this.createUserForGuard(user) : null
  }
}
