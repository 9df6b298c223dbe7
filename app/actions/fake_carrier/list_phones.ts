import db from '@adonisjs/lucid/services/db'
import FakeCarrierMessage from '#models/fake_carrier_message'

/**
 * The fake phones one account has talked to, most recent conversation
 * first, each with its latest text.
 */
export default class ListPhones {
  static async handle(accountId: number, limit = 200) {
    const rows: Array<{ phone: string; total: number | string; last_id: number }> = await db
      .from('fake_carrier_messages')
      .where('provider_account_id', accountId)
      .groupBy('phone')
      .select('phone')
      .count('* as total')
      .max('id as last_id')
      .orderBy('last_id', 'desc')
      .limit(limit)

    const latest = await FakeCarrierMessage.query().whereIn(
      'id',
      rows.map((row) => row.last_id)
    )
    const byId = new Map(latest.map((message) => [message.id, message]))
    return rows.map((row) => {
      const last = byId.get(row.last_id)!
      return {
        phone: row.phone,
        texts: Number(row.total),
        lastBody: last.body,
        lastDirection: last.direction,
        lastStatus: last.status,
        lastAt: last.createdAt.toISO(),
      }
    })
  }
}
