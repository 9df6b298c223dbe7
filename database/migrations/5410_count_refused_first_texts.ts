import { BaseSchema } from '@adonisjs/lucid/schema'
import {
  counterBackfill,
  counterTriggers,
  settleRefusedFirstTexts,
  type Dialect,
} from '#database/report_counters'

const NEW_COLUMNS = ['failed_opted_out', 'failed_texting_hours']

const COUNTER_TABLES = [
  'report_campaign_counters',
  'report_variant_counters',
  'report_texter_counters',
  'report_reply_times',
  'report_activity',
  'report_survey_counters',
]

/**
 * First texts our own last checks stopped before the provider saw them (the
 * phone opted out meanwhile; the campaign ended before the recipient's
 * texting hours opened) fail with their own reasons, counted as failed and
 * not as sent: counters version 2 (database/report_counters.ts). Such texts
 * refused before this change left their campaign contact "queued" forever;
 * they are settled here, through the new triggers, so the counters follow.
 */
export default class extends BaseSchema {
  #dialect(): Dialect {
    return this.db.dialect.name === 'mysql' ? 'mysql' : 'sqlite'
  }

  async up() {
    this.defer(async (db) => {
      // The triggers name the counter table: SQLite cannot alter it under them.
      for (const trigger of counterTriggers(this.#dialect(), 1)) await db.rawQuery(trigger.drop)
      for (const column of NEW_COLUMNS) {
        await db.rawQuery(
          `ALTER TABLE report_campaign_counters ADD COLUMN ${column} INTEGER NOT NULL DEFAULT 0`
        )
      }
      for (const trigger of counterTriggers(this.#dialect(), 2)) await db.rawQuery(trigger.create)
      await settleRefusedFirstTexts(db)
    })
  }

  async down() {
    this.defer(async (db) => {
      for (const trigger of counterTriggers(this.#dialect(), 2)) await db.rawQuery(trigger.drop)
      for (const column of NEW_COLUMNS) {
        await db.rawQuery(`ALTER TABLE report_campaign_counters DROP COLUMN ${column}`)
      }
      // Version 1 counts the settled texts differently: count everything again its way.
      for (const table of COUNTER_TABLES) await db.from(table).delete()
      for (const statement of counterBackfill(this.#dialect(), 1)) await db.rawQuery(statement)
      for (const trigger of counterTriggers(this.#dialect(), 1)) await db.rawQuery(trigger.create)
    })
  }
}
