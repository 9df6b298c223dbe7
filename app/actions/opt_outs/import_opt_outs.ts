import db from '@adonisjs/lucid/services/db'
import type Membership from '#models/membership'
import { recordOptOut } from '#services/opt_outs/record'
import { readOptOutFile } from '#services/opt_outs/opt_out_file'

export type OptOutImportResult = {
  added: number
  alreadyOptedOut: number
  invalid: { row: number; value: string }[]
}

type Params = { actor: Membership; csv: string; reason?: string }

/**
 * Puts every phone of a small CSV on the opt-out list (a suppression list
 * from another tool, a paper list typed up). A "reason" column, when present,
 * is kept per row; otherwise the reason given with the upload. Rows without a
 * usable phone are reported back, the rest are recorded in one transaction.
 */
export default class ImportOptOuts {
  static async handle({ actor, csv, reason }: Params): Promise<OptOutImportResult> {
    const { entries, invalid } = readOptOutFile(csv)
    const result: OptOutImportResult = { added: 0, alreadyOptedOut: 0, invalid }
    await db.transaction(async (trx) => {
      for (const entry of entries) {
        const { created } = await recordOptOut(
          {
            organizationId: actor.organizationId,
            phone: entry.phone,
            source: 'import',
            reason: entry.reason || reason || null,
            actorId: actor.userId,
          },
          trx
        )
        if (created) result.added++
        else result.alreadyOptedOut++
      }
    })
    return result
  }
}
