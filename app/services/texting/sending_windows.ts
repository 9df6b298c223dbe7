import {
  textingWindow,
  type TextingHoursContact,
  type TextingWindow,
} from '#services/texting_hours/index'
import type { StateRules } from '#services/texting_hours/rules'
import { campaignZones } from '#services/texting/campaign_context'
import type { SendingContext } from '#services/texting/sending_context'
import type { SendableRow } from '#services/texting/sendable_rows'

/**
 * Texting windows judged this minute. Windows open and close on whole local
 * minutes, so within one minute the answer for the same rules and contact
 * kind (zone, candidate zones, state) stays the same; every send asks it for
 * a handful of kinds, and working it out is the costly part of a send.
 */
let judged = { minute: -1, windows: new Map<string, TextingWindow>() }
const rulesIds = new WeakMap<StateRules, number>()
let lastRulesId = 0

function rulesId(rules: StateRules) {
  let id = rulesIds.get(rules)
  if (id === undefined) rulesIds.set(rules, (id = ++lastRulesId))
  return id
}

/** `textingWindow` for this context's rules, remembered as above. */
export function windowJudge(context: SendingContext) {
  const minute = Math.floor(context.now.getTime() / 60_000)
  if (judged.minute !== minute || judged.windows.size > 10_000) {
    judged = { minute, windows: new Map() }
  }
  const { windows } = judged
  const { settings } = context.organization
  const rules = [
    JSON.stringify(settings.textingHours),
    settings.stateRules,
    JSON.stringify(context.campaign.textingHours),
    rulesId(context.rules),
  ].join('|')
  return (contact: TextingHoursContact) => {
    const key = `${rules}|${contact.timezone}|${contact.timezoneCandidates}|${contact.state}`
    let window = windows.get(key)
    if (!window) {
      window = textingWindow({
        contact,
        organization: context.organization,
        campaignHours: context.campaign.textingHours,
        stateRules: context.rules,
        now: context.now,
      })
      windows.set(key, window)
    }
    return window
  }
}

export const hoursContact = (row: SendableRow): TextingHoursContact => ({
  timezone: row.timezone,
  timezoneCandidates: row.timezone_candidates,
  state: row.state,
})

export function windowOf(context: SendingContext, row: SendableRow) {
  return windowJudge(context)(hoursContact(row))
}

/**
 * The campaign's zones where no contact may be texted now, whatever their
 * state (state rules only narrow a window), so queries can leave them out.
 */
export async function closedZones(context: SendingContext) {
  const judge = windowJudge(context)
  const zones = await campaignZones(context.campaign.id)
  return zones.filter(
    (timezone) => !judge({ timezone, timezoneCandidates: null, state: null }).allowed
  )
}
