import db from '@adonisjs/lucid/services/db'

/**
 * Each follow-up step's funnel: texts sent and delivered, and of those people, how many
 * replied after it (an inbound text later than the step's own) and how many
 * are opted out (no text goes to an opted-out phone, so they opted out after
 * it). Read from the campaign's follow-up rows, grouped by step in SQL.
 */
export async function followUpStats(campaignId: number) {
  const [steps, counts] = await Promise.all([
    db
      .from('follow_up_steps')
      .where('campaign_id', campaignId)
      .orderBy('position')
      .select('id', 'position'),
    db
      .from('follow_ups as f')
      .join('campaign_contacts as cc', 'cc.id', 'f.campaign_contact_id')
      .join('contacts as c', 'c.id', 'cc.contact_id')
      .where('f.campaign_id', campaignId)
      .where('f.status', 'sent')
      .groupBy('f.step_id')
      .select('f.step_id')
      .count('* as sent')
      .select(
        db.raw(
          `sum(case when exists (select 1 from messages m where m.campaign_contact_id = f.campaign_contact_id and m.direction = 'inbound' and m.id > f.message_id) then 1 else 0 end) as replied`
        ),
        db.raw(
          `sum(case when exists (select 1 from messages m where m.id = f.message_id and m.status = 'delivered') then 1 else 0 end) as delivered`
        ),
        db.raw(
          `sum(case when exists (select 1 from opt_outs o where o.organization_id = f.organization_id and o.phone = c.phone) then 1 else 0 end) as opted_out`
        )
      ),
  ])
  const byStep = new Map(counts.map((row) => [Number(row.step_id), row]))
  return steps.map((step) => {
    const row = byStep.get(Number(step.id))
    return {
      stepId: Number(step.id),
      sent: Number(row?.sent ?? 0),
      delivered: Number(row?.delivered ?? 0),
      replied: Number(row?.replied ?? 0),
      optedOut: Number(row?.opted_out ?? 0),
    }
  })
}
