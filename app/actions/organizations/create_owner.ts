import db from '@adonisjs/lucid/services/db'
import vine, { SimpleMessagesProvider, errors as vineErrors } from '@vinejs/vine'
import User from '#models/user'
import Organization from '#models/organization'
import Membership from '#models/membership'
import { createOrganization } from '#services/organizations/create'

const ownerValidator = vine.create({
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  password: vine.string().minLength(10).maxLength(128),
  organizationName: vine.string().trim().minLength(2).maxLength(120),
  fullName: vine.string().trim().minLength(1).maxLength(120).optional(),
})

// The errors are read on a command line: fields go by the names a person typed there.
const messagesProvider = new SimpleMessagesProvider(
  {},
  { organizationName: 'organization name', fullName: 'name' }
)

type Params = { email: string; password: string; organizationName: string; fullName?: string }

/**
 * Idempotent owner setup for scripts: the user is created or gets the new
 * password; the organization (matched by name) is created if missing; the
 * membership becomes an active owner.
 */
export default class CreateOwner {
  static async handle(params: Params) {
    let data
    try {
      data = await ownerValidator.validate(params, { messagesProvider })
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        return { errors: (error.messages as { message: string }[]).map((m) => m.message) }
      }
      throw error
    }

    return db.transaction(async (trx) => {
      let user = await User.findBy('email', data.email, { client: trx })
      if (user) {
        user.password = data.password
        await user.save()
      } else {
        user = await User.create(
          {
            email: data.email,
            password: data.password,
            fullName: data.fullName ?? data.email.split('@')[0],
          },
          { client: trx }
        )
      }

      const existing = await Organization.query({ client: trx })
        .where('name', data.organizationName)
        .whereHas('memberships', (q) => q.where('user_id', user.id))
        .first()
      const organization =
        existing ?? (await createOrganization({ name: data.organizationName, owner: user }, trx))

      await Membership.updateOrCreate(
        { organizationId: organization.id, userId: user.id },
        { role: 'owner', status: 'active' },
        { client: trx }
      )
      return { user, organization }
    })
  }
}
