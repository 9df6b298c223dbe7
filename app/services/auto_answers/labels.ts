import db from '@adonisjs/lucid/services/db'

/**
 * For the inbound texts among `messageIds` that a rule answered: the rule's
 * keywords as they were when it fired (the thread says "answered
 * automatically by rule …").
 */
export async function autoAnswerLabels(messageIds: number[]) {
  const rows = messageIds.length
    ? await db
        .from('auto_answer_firings')
        .whereIn('inbound_message_id', messageIds)
        .select('inbound_message_id', 'rule_label')
    : []
  return new Map<number, string>(rows.map((row) => [row.inbound_message_id, row.rule_label]))
}
