import db from '@adonisjs/lucid/services/db'
import { createOrganization, type NewOrganization } from '#services/organizations/create'

/** A signed-in user starts another organization, and owns it. */
export default class CreateOrganization {
  static handle(params: NewOrganization) {
    return db.transaction((trx) => createOrganization(params, trx))
  }
}
