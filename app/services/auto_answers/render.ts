import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Contact from '#models/contact'
import Organization from '#models/organization'
import User from '#models/user'
import type AutoAnswerRule from '#models/auto_answer_rule'
import { renderScript } from '#services/scripts/merge_fields'

/**
 * The rule's answer with the scripts' merge fields filled in for this
 * contact; `{texterName}` is the conversation's texter, when it has one.
 */
export async function renderAnswer(
  rule: AutoAnswerRule,
  target: { organizationId: number; contactId: number | null; texterId: number | null },
  trx?: TransactionClientContract
) {
  const client = trx ? { client: trx } : undefined
  const [organization, contact, texter] = await Promise.all([
    Organization.findOrFail(target.organizationId, client),
    target.contactId ? Contact.find(target.contactId, client) : null,
    target.texterId ? User.find(target.texterId, client) : null,
  ])
  return renderScript(rule.answer, { organization, contact, texter }).rendered
}
