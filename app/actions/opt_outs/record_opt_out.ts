import db from '@adonisjs/lucid/services/db'
import { recordOptOut, type RecordOptOutParams } from '#services/opt_outs/record'

/** An admin, the API or a test puts one phone on the opt-out list. */
export default class RecordOptOut {
  static handle(params: RecordOptOutParams) {
    return db.transaction((trx) => recordOptOut(params, trx))
  }
}
