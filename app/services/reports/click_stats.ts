import db from '@adonisjs/lucid/services/db'

/** Clicks on a campaign's tracked links, and how many people made them. */
export type ClickFigures = { clicks: number; uniqueClickers: number }

type Grouped = Map<number, ClickFigures>

const NONE: ClickFigures = { clicks: 0, uniqueClickers: 0 }

/**
 * The campaign's clicks by campaign, first-text variant, follow-up step and
 * texter. Reads only the links that were clicked (an index on campaign and
 * first click), never the campaign's unclicked links; a person counts once
 * per group however many links they clicked or how often.
 */
export async function clickStats(campaignId: number) {
  const rows = await db
    .from('tracked_links')
    .where('campaign_id', campaignId)
    .whereNotNull('first_clicked_at')
    .select('campaign_contact_id', 'variant_id', 'follow_up_step_id', 'sent_by_id', 'clicks')
  const campaign = new Tally()
  const variants = new Groups()
  const steps = new Groups()
  const texters = new Groups()
  for (const row of rows) {
    const person = Number(row.campaign_contact_id)
    const clicks = Number(row.clicks)
    campaign.add(person, clicks)
    if (row.variant_id !== null) variants.add(Number(row.variant_id), person, clicks)
    if (row.follow_up_step_id !== null) steps.add(Number(row.follow_up_step_id), person, clicks)
    if (row.sent_by_id !== null) texters.add(Number(row.sent_by_id), person, clicks)
  }
  return {
    campaign: campaign.figures(),
    variants: variants.figures(),
    steps: steps.figures(),
    texters: texters.figures(),
  }
}

/** A group's figures; nothing clicked when it has none. */
export function clicksOf(groups: Grouped, id: number) {
  return groups.get(id) ?? NONE
}

/**
 * Delivered first texts per texter, for their click-through rates; read only
 * for a campaign that tracks links.
 */
export async function deliveredByTexter(campaignId: number) {
  const rows = await db
    .from('campaign_contacts')
    .where('campaign_id', campaignId)
    .where('delivery', 'delivered')
    .whereNotNull('messaged_by_id')
    .groupBy('messaged_by_id')
    .select('messaged_by_id')
    .count('* as delivered')
  return new Map(rows.map((row) => [Number(row.messaged_by_id), Number(row.delivered)]))
}

class Tally {
  #clicks = 0
  #people = new Set<number>()

  add(person: number, clicks: number) {
    this.#clicks += clicks
    this.#people.add(person)
  }

  figures(): ClickFigures {
    return { clicks: this.#clicks, uniqueClickers: this.#people.size }
  }
}

class Groups {
  #tallies = new Map<number, Tally>()

  add(id: number, person: number, clicks: number) {
    const tally = this.#tallies.get(id) ?? new Tally()
    tally.add(person, clicks)
    this.#tallies.set(id, tally)
  }

  figures(): Grouped {
    return new Map([...this.#tallies].map(([id, tally]) => [id, tally.figures()]))
  }
}
