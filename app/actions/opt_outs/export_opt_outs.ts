import type Membership from '#models/membership'
import OptOut from '#models/opt_out'
import { audit } from '#services/audit'
import { csvLine } from '#services/exports/spreadsheet_csv'

const CHUNK = 1000

/**
 * The organization's opt-out list as spreadsheet-safe CSV lines, read in
 * chunks so a long list never sits in memory whole. Exporting personal data
 * is audited (when it starts, with who asked).
 */
export default class ExportOptOuts {
  static async handle({ actor }: { actor: Membership }) {
    await audit({
      organizationId: actor.organizationId,
      userId: actor.userId,
      action: 'opt_outs.exported',
    })
    return lines(actor.organizationId)
  }
}

async function* lines(organizationId: number) {
  yield csvLine(['phone', 'reason', 'source', 'recorded_by', 'message_id', 'created_at'])
  let after = 0
  while (true) {
    const chunk = await OptOut.forOrganization(organizationId)
      .where('opt_outs.id', '>', after)
      .leftJoin('users', 'users.id', 'opt_outs.created_by_id')
      .select('opt_outs.*', 'users.email as recorded_by')
      .orderBy('opt_outs.id')
      .limit(CHUNK)
    for (const optOut of chunk) {
      yield csvLine([
        optOut.phone,
        optOut.reason,
        optOut.source,
        optOut.$extras.recorded_by,
        optOut.messageId,
        optOut.createdAt.toUTC().toISO(),
      ])
    }
    if (chunk.length < CHUNK) return
    after = chunk[chunk.length - 1].id
  }
}
