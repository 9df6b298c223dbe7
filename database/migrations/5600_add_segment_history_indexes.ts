import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Campaign history conditions of segments: survey answers lead from the
 * campaign, question and answer straight to the conversations (the index
 * holds them all, so no answer row is read), and the conversations are then
 * found by (campaign_id, id). No index by organization and time: without
 * table statistics SQLite would pick it for every one-campaign condition and
 * read the whole organization's conversations instead.
 */
const COLUMNS = ['campaign_id', 'question_step_id', 'answer_step_id', 'campaign_contact_id']
const NAME = 'survey_responses_question_answer_index'

export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('survey_responses', (table) => table.index(COLUMNS, NAME))
  }

  async down() {
    this.schema.alterTable('survey_responses', (table) => table.dropIndex(COLUMNS, NAME))
  }
}
