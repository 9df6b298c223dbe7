import TextingHourRule from '#models/texting_hour_rule'
import type { ClockWindow } from '#services/texting_hours/clock'

/**
 * The texting-hour rules that apply on top of the organization's own window.
 * docs/texting-hours.md explains them to admins.
 */

/** Federal rule (TCPA): never before 8:00 or after 21:00 at the recipient's location. */
export const FEDERAL_WINDOW: ClockWindow = { start: '08:00', end: '21:00' }

export type StateRule = ClockWindow & { state: string; enabled: boolean }

/**
 * States whose laws are stricter for commercial texts (COMPLIANCE.md). Every
 * organization starts with these; an admin may change, switch off or add to them.
 */
export const DEFAULT_STATE_RULES: readonly StateRule[] = Object.freeze(
  ['FL', 'MD', 'MS', 'NJ', 'OK', 'WA'].map((state) => ({
    state,
    start: '08:00',
    end: '20:00',
    enabled: true,
  }))
)

/** Where a state rule may apply: the states, DC and the inhabited territories (USPS codes). */
export const US_STATES = Object.freeze(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH ' +
    'NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP'
  ).split(' ')
)

/** State code → rule, for `textingWindow`. */
export type StateRules = ReadonlyMap<string, StateRule>

export const defaultStateRules = (): StateRules =>
  new Map(DEFAULT_STATE_RULES.map((rule) => [rule.state, rule]))

/**
 * The organization's rules: its saved rows over the defaults (a default state
 * without a saved row keeps the default), sorted by state. Read once per
 * batch and hand the map to every `textingWindow` call.
 */
export async function stateRulesFor(organizationId: number): Promise<StateRules> {
  const rules = new Map(defaultStateRules())
  const rows = await TextingHourRule.forOrganization(organizationId)
  for (const row of rows) {
    rules.set(row.state, { state: row.state, start: row.start, end: row.end, enabled: row.enabled })
  }
  return new Map([...rules].sort(([a], [b]) => a.localeCompare(b)))
}
