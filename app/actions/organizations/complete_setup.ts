import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import ActionRefusedException from '#exceptions/action_refused_exception'
import User from '#models/user'
import { createOrganization } from '#services/organizations/create'
import type { setupValidator } from '#validators/organization'
import { forUpdate } from '#services/db/row_locks'

/**
 * First run: the very first user becomes the owner of the first organization.
 * Refused once anyone exists, so the setup page cannot be replayed.
 */
export default class CompleteSetup {
  static async isNeeded() {
    const row = await db.from('users').count('* as total').first()
    return Number(row?.total ?? 0) === 0
  }

  static async handle(data: Infer<typeof setupValidator>) {
    return db.transaction(async (trx) => {
      // On MySQL the locking read makes a second concurrent setup wait for the
      // first and then see its user; SQLite serializes writers by itself.
      const existing = await forUpdate(trx.from('users').count('* as total')).first()
      if (Number(existing?.total ?? 0) > 0) {
        throw new ActionRefusedException('refusals.setup.alreadySetUp', {
          status: 409,
          code: 'E_ALREADY_SET_UP',
        })
      }
      const user = await User.create(
        { fullName: data.fullName, email: data.email, password: data.password },
        { client: trx }
      )
      const organization = await createOrganization(
        { name: data.organizationName, owner: user },
        trx
      )
      return { user, organization }
    })
  }
}
