import db from '@adonisjs/lucid/services/db'
import { liftOptOut, type LiftOptOutParams } from '#services/opt_outs/lift'

/** An admin takes one phone off the opt-out list because the person opted back in. */
export default class LiftOptOut {
  static handle(params: LiftOptOutParams) {
    return db.transaction((trx) => liftOptOut(params, trx))
  }
}
