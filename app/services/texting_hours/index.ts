import { DateTime } from 'luxon'
import type { OrganizationSettings } from '#models/organization'
import {
  clockMinutes,
  formatClock,
  localInstant,
  type ClockWindow,
} from '#services/texting_hours/clock'
import { defaultStateRules, FEDERAL_WINDOW, type StateRules } from '#services/texting_hours/rules'

export type { ClockWindow } from '#services/texting_hours/clock'

/**
 * "May this contact be texted now, and until when (or from when)?" — the one
 * answer the send screen, the dispatcher and reports share.
 *
 * The window is the intersection, in the recipient's local time, of: the
 * federal 08:00–21:00, the organization's default window, the campaign's
 * override (an override narrows, it never widens past the default), and the
 * contact's state rule when the organization has state rules switched on.
 * Where the zone is uncertain the window must hold in every candidate zone;
 * with no zone at all, in every zone in ALL_US_ZONES.
 */

/**
 * The zones a contact we cannot place at all might be in: the mainland, Alaska,
 * Hawaii–Aleutian and Puerto Rico (UTC−4 to UTC−10, so a common window still
 * exists: 09:00–20:00 everywhere is 19:00–00:00 UTC in winter). Pacific
 * territories (Guam, Saipan, American Samoa) are left out on purpose: no
 * window overlaps both them and the mainland, and their numbers and ZIP codes
 * resolve to their own zone anyway.
 */
export const ALL_US_ZONES = Object.freeze([
  'America/Puerto_Rico',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Adak',
  'Pacific/Honolulu',
])

export type TextingHoursContact = {
  timezone: string | null
  /** Comma-separated (as stored on Contact) or a list. */
  timezoneCandidates: string | string[] | null
  state: string | null
}

export type TextingWindowInput = {
  contact: TextingHoursContact
  organization: { settings: Pick<OrganizationSettings, 'textingHours' | 'stateRules'> }
  /** The campaign's own window, when it has one. */
  campaignHours?: ClockWindow | null
  /** `await stateRulesFor(organization.id)`; the built-in defaults when left out. */
  stateRules?: StateRules
  now?: Date
}

export type TextingWindow = {
  allowed: boolean
  /** The zones judged: the contact's own, its candidates, or ALL_US_ZONES. */
  zones: string[]
  zoneSource: 'contact' | 'candidates' | 'all_us'
  /** The local wall-clock window that applies in each zone; null when the rules leave no time at all. */
  window: ClockWindow | null
  /** Local time now ("HH:mm") in the first zone; `localTimes` has every zone's. */
  localTime: string
  localTimes: Record<string, string>
  /** When allowed: the moment texting must stop (the earliest close among the zones). */
  closesAt?: Date
  /** When not allowed: the next moment texting is allowed in every zone. */
  opensAt?: Date
  /** When not allowed: why, as data; `wordTextingHours` says it in the reader's language. */
  reason?: TextingHoursReason
}

/**
 * Why a contact may not be texted now: no time is left once every rule is
 * combined, or the window is closed where the contact is (their local times).
 */
export type TextingHoursReason =
  | { kind: 'no_time' }
  | {
      kind: 'outside'
      window: ClockWindow
      zoneSource: TextingWindow['zoneSource']
      localTimes: Record<string, string>
    }

type Interval = { start: number; end: number }

/** The windows that apply to this contact, whatever its zone. */
export function applicableWindows(
  input: Pick<TextingWindowInput, 'contact' | 'organization' | 'campaignHours' | 'stateRules'>
): ClockWindow[] {
  const windows = [FEDERAL_WINDOW, input.organization.settings.textingHours]
  if (input.campaignHours) windows.push(input.campaignHours)
  const state = input.contact.state?.toUpperCase()
  if (input.organization.settings.stateRules && state) {
    const rule = (input.stateRules ?? defaultStateRules()).get(state)
    if (rule?.enabled) windows.push(rule)
  }
  return windows
}

/** The latest start and earliest end; null when they do not leave a minute. */
export function intersectWindows(windows: ClockWindow[]): ClockWindow | null {
  const start = Math.max(...windows.map((window) => clockMinutes(window.start)))
  const end = Math.min(...windows.map((window) => clockMinutes(window.end)))
  return start < end ? { start: formatClock(start), end: formatClock(end) } : null
}

export function zonesOf(contact: TextingHoursContact) {
  if (contact.timezone) return { zones: [contact.timezone], zoneSource: 'contact' as const }
  const candidates =
    typeof contact.timezoneCandidates === 'string'
      ? contact.timezoneCandidates.split(',').filter(Boolean)
      : (contact.timezoneCandidates ?? [])
  if (candidates.length) return { zones: candidates, zoneSource: 'candidates' as const }
  return { zones: [...ALL_US_ZONES], zoneSource: 'all_us' as const }
}

/**
 * Each zone's occurrences of a window, kept for the rest of the local day they
 * were computed on (`from`–`until`): they only change with the date, and the
 * zone arithmetic is most of the cost of judging one text, which the send
 * screen and the dispatcher do for every text.
 */
const occurrences = new Map<string, { from: number; until: number; intervals: Interval[] }>()

/** The window's occurrences in one zone, from the local day before `now` to two days after. */
function zoneIntervals(window: ClockWindow, zone: string, now: Date): Interval[] {
  const key = `${zone}|${window.start}|${window.end}`
  const at = now.getTime()
  const kept = occurrences.get(key)
  if (kept && kept.from <= at && at < kept.until) return kept.intervals

  const today = DateTime.fromJSDate(now, { zone }).startOf('day')
  const intervals = Object.freeze(
    [-1, 0, 1, 2].map((days) => {
      const date = today.plus({ days }).toISODate()!
      return Object.freeze({
        start: localInstant(date, clockMinutes(window.start), zone).getTime(),
        end: localInstant(date, clockMinutes(window.end), zone).getTime(),
      })
    })
  ) as Interval[]
  if (occurrences.size >= 10_000) occurrences.clear()
  occurrences.set(key, {
    from: today.toMillis(),
    until: today.plus({ days: 1 }).toMillis(),
    intervals,
  })
  return intervals
}

function intersectIntervals(a: Interval[], b: Interval[]): Interval[] {
  const result: Interval[] = []
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start)
      const end = Math.min(x.end, y.end)
      if (start < end) result.push({ start, end })
    }
  }
  return result.sort((x, y) => x.start - y.start)
}

/** "HH:mm" in `zone` at `now`; the same all minute long (zones are whole minutes off UTC). */
const clocks = new Map<string, { minute: number; clock: string }>()

function localClock(now: Date, zone: string) {
  const minute = Math.floor(now.getTime() / 60_000)
  const kept = clocks.get(zone)
  if (kept?.minute === minute) return kept.clock
  const clock = DateTime.fromJSDate(now, { zone }).toFormat('HH:mm')
  if (clocks.size >= 1000) clocks.clear()
  clocks.set(zone, { minute, clock })
  return clock
}

export function textingWindow(input: TextingWindowInput): TextingWindow {
  const now = input.now ?? new Date()
  const { zones, zoneSource } = zonesOf(input.contact)
  const localTimes = Object.fromEntries(zones.map((zone) => [zone, localClock(now, zone)]))
  const base = { zones, zoneSource, localTime: localTimes[zones[0]], localTimes }

  const window = intersectWindows(applicableWindows(input))
  if (!window) {
    return {
      ...base,
      window,
      allowed: false,
      reason: { kind: 'no_time' },
    }
  }

  const common = zones
    .map((zone) => zoneIntervals(window, zone, now))
    .reduce((all, intervals) => intersectIntervals(all, intervals))
  const at = now.getTime()
  const current = common.find((interval) => interval.start <= at && at < interval.end)
  if (current) return { ...base, window, allowed: true, closesAt: new Date(current.end) }

  const next = common.find((interval) => interval.start > at)
  return {
    ...base,
    window,
    allowed: false,
    opensAt: next ? new Date(next.start) : undefined,
    reason: { kind: 'outside', window, zoneSource, localTimes },
  }
}
