import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type Membership from '#models/membership'
import type Organization from '#models/organization'
import TextingHourRule from '#models/texting_hour_rule'
import { audit } from '#services/audit'
import { clockMinutes } from '#services/texting_hours/clock'
import type { textingHourRulesValidator } from '#validators/texting_hours'
import { refusedField } from '#exceptions/worded_issues'

type Params = {
  organization: Organization
  actor: Membership
  data: Infer<typeof textingHourRulesValidator>
}

/**
 * Replaces the organization's state rules with the table the admin saved and
 * switches them on or off. A default state left out of the table keeps its
 * default window (switch it off to stop applying it).
 */
export default class SaveTextingHourRules {
  static async handle({ organization, actor, data }: Params) {
    const backwards = data.rules.findIndex(
      (rule) => clockMinutes(rule.start) >= clockMinutes(rule.end)
    )
    if (backwards >= 0) {
      throw refusedField(`rules.${backwards}.end`, 'after', 'refusals.fields.endAfterStart')
    }

    await db.transaction(async (trx) => {
      await TextingHourRule.forOrganization(organization.id).useTransaction(trx).delete()
      if (data.rules.length) {
        await TextingHourRule.createMany(
          data.rules.map((rule) => ({ ...rule, organizationId: organization.id })),
          { client: trx }
        )
      }
      organization.useTransaction(trx)
      organization.settings = { ...organization.settings, stateRules: data.stateRules }
      await organization.save()
      await audit(
        {
          organizationId: organization.id,
          userId: actor.userId,
          action: 'texting_hours.updated',
          subject: { type: 'organization', id: organization.id },
          details: { stateRules: data.stateRules, states: data.rules.map((rule) => rule.state) },
        },
        trx
      )
    })
  }
}
