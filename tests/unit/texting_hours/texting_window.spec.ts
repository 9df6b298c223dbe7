import { test } from '@japa/runner'
import { textingWindow, type TextingWindowInput } from '#services/texting_hours/index'
import { localInstant } from '#services/texting_hours/clock'
import { defaultStateRules } from '#services/texting_hours/rules'
import { textingHoursInEnglish, wordTextingHours } from '#services/texting_hours/wording'
import i18nManager from '@adonisjs/i18n/services/main'

const am = (clock: string) => `${clock} AM`
const pm = (clock: string) => `${clock} PM`

const organization = (start = '09:00', end = '20:00', stateRules = false) => ({
  settings: { textingHours: { start, end }, stateRules },
})
const inZone = (timezone: string, state: string | null = null) => ({
  timezone,
  timezoneCandidates: null,
  state,
})
const at = (iso: string) => new Date(iso)
const check = (input: Partial<TextingWindowInput> & { now: Date }) =>
  textingWindow({
    contact: inZone('America/New_York'),
    organization: organization(),
    ...input,
  })

test.group('Texting hours | every US zone, 09:00–20:00 local', () => {
  test('{zone} opens at 09:00 and closes at 20:00 local time ({season})')
    .with([
      { zone: 'America/New_York', season: 'winter', offset: -5 },
      { zone: 'America/New_York', season: 'summer', offset: -4 },
      { zone: 'America/Chicago', season: 'winter', offset: -6 },
      { zone: 'America/Chicago', season: 'summer', offset: -5 },
      { zone: 'America/Denver', season: 'winter', offset: -7 },
      { zone: 'America/Denver', season: 'summer', offset: -6 },
      { zone: 'America/Phoenix', season: 'winter', offset: -7 },
      { zone: 'America/Phoenix', season: 'summer', offset: -7 },
      { zone: 'America/Los_Angeles', season: 'winter', offset: -8 },
      { zone: 'America/Los_Angeles', season: 'summer', offset: -7 },
      { zone: 'America/Anchorage', season: 'winter', offset: -9 },
      { zone: 'America/Anchorage', season: 'summer', offset: -8 },
      { zone: 'America/Adak', season: 'winter', offset: -10 },
      { zone: 'America/Adak', season: 'summer', offset: -9 },
      { zone: 'Pacific/Honolulu', season: 'winter', offset: -10 },
      { zone: 'Pacific/Honolulu', season: 'summer', offset: -10 },
      { zone: 'America/Puerto_Rico', season: 'winter', offset: -4 },
      { zone: 'America/Puerto_Rico', season: 'summer', offset: -4 },
    ])
    .run(({ assert }, { zone, season, offset }) => {
      const day = season === 'winter' ? Date.UTC(2026, 0, 15) : Date.UTC(2026, 6, 15)
      const opens = new Date(day + (9 - offset) * 3_600_000)
      const closes = new Date(day + (20 - offset) * 3_600_000)
      const contact = inZone(zone)

      const before = check({ contact, now: new Date(opens.getTime() - 60_000) })
      assert.isFalse(before.allowed)
      assert.equal(before.localTime, '08:59')
      assert.deepEqual(before.opensAt, opens)
      assert.equal(
        textingHoursInEnglish(before.reason!),
        `Outside texting hours (${am('9:00')}–${pm('8:00')} local time): it is ${am('8:59')} in ${zone} for this contact.`
      )

      const open = check({ contact, now: opens })
      assert.isTrue(open.allowed)
      assert.equal(open.localTime, '09:00')
      assert.deepEqual(open.closesAt, closes)
      assert.deepEqual(open.zones, [zone])
      assert.equal(open.zoneSource, 'contact')

      const closed = check({ contact, now: closes })
      assert.isFalse(closed.allowed)
      assert.deepEqual(closed.opensAt, new Date(opens.getTime() + 86_400_000))
    })
})

test.group('Texting hours | daylight-saving transitions', () => {
  test('the evening before spring-forward, New York opens at 09:00 EDT (13:00 UTC)', ({
    assert,
  }) => {
    const result = check({ now: at('2026-03-08T02:00:00Z') }) // 21:00 EST on March 7
    assert.isFalse(result.allowed)
    assert.deepEqual(result.opensAt, at('2026-03-08T13:00:00Z'))
    const open = check({ now: at('2026-03-08T13:00:00Z') })
    assert.isTrue(open.allowed)
    assert.deepEqual(open.closesAt, at('2026-03-09T00:00:00Z'))
  })

  test('the evening before fall-back, New York opens at 09:00 EST (14:00 UTC)', ({ assert }) => {
    const result = check({ now: at('2026-11-01T01:00:00Z') }) // 21:00 EDT on October 31
    assert.isFalse(result.allowed)
    assert.deepEqual(result.opensAt, at('2026-11-01T14:00:00Z'))
    assert.isFalse(check({ now: at('2026-11-01T13:30:00Z') }).allowed) // 08:30 EST
    const open = check({ now: at('2026-11-01T14:00:00Z') })
    assert.isTrue(open.allowed)
    assert.deepEqual(open.closesAt, at('2026-11-02T01:00:00Z'))
  })

  test('Arizona keeps standard time: the same UTC hours before and after the switch', ({
    assert,
  }) => {
    const contact = inZone('America/Phoenix')
    for (const day of ['2026-03-07', '2026-03-09', '2026-11-02']) {
      const result = check({ contact, now: at(`${day}T15:59:00Z`) })
      assert.isFalse(result.allowed)
      assert.deepEqual(result.opensAt, at(`${day}T16:00:00Z`))
    }
  })

  test('a local time skipped by spring-forward starts when the clocks jump', ({ assert }) => {
    assert.deepEqual(
      localInstant('2026-03-08', 2 * 60 + 30, 'America/New_York'),
      at('2026-03-08T07:00:00Z') // 03:00 EDT: the first moment the clock reads 02:30 or later
    )
    assert.deepEqual(
      localInstant('2026-03-08', 3 * 60 + 30, 'America/New_York'),
      at('2026-03-08T07:30:00Z')
    )
    assert.deepEqual(
      localInstant('2026-03-08', 2 * 60 + 30, 'America/Phoenix'),
      at('2026-03-08T09:30:00Z')
    )
  })

  test('a local time repeated by fall-back is its first occurrence', ({ assert }) => {
    assert.deepEqual(
      localInstant('2026-11-01', 60 + 30, 'America/New_York'),
      at('2026-11-01T05:30:00Z') // 01:30 EDT, not 01:30 EST an hour later
    )
  })

  test('a window starting 02:30 on spring-forward day still waits for the federal 08:00', ({
    assert,
  }) => {
    const result = check({
      organization: organization('02:30', '20:00'),
      now: at('2026-03-08T07:30:00Z'), // 03:30 EDT
    })
    assert.isFalse(result.allowed)
    assert.deepEqual(result.window, { start: '08:00', end: '20:00' })
    assert.deepEqual(result.opensAt, at('2026-03-08T12:00:00Z'))
  })
})

test.group('Texting hours | uncertain zones', () => {
  test('candidate zones allow only the window they share', ({ assert }) => {
    const contact = {
      timezone: null,
      timezoneCandidates: 'America/New_York,America/Chicago',
      state: null,
    }
    // 09:30 in New York but 08:30 in Chicago.
    const early = check({ contact, now: at('2026-01-15T14:30:00Z') })
    assert.isFalse(early.allowed)
    assert.equal(early.zoneSource, 'candidates')
    assert.deepEqual(early.localTimes, { 'America/New_York': '09:30', 'America/Chicago': '08:30' })
    assert.deepEqual(early.opensAt, at('2026-01-15T15:00:00Z'))
    assert.equal(
      textingHoursInEnglish(early.reason!),
      `Outside texting hours (${am('9:00')}–${pm('8:00')} local time): the contact may be in any of these zones: ${am('9:30')} in America/New_York, ${am('8:30')} in America/Chicago.`
    )
    assert.equal(
      wordTextingHours(early.reason!, i18nManager.locale('es')),
      'Fuera del horario de envío (9:00–20:00, hora local): el contacto puede estar en cualquiera de estas zonas: 9:30 en America/New_York y 8:30 en America/Chicago.'
    )

    const open = check({ contact, now: at('2026-01-15T15:00:00Z') })
    assert.isTrue(open.allowed)
    assert.deepEqual(open.closesAt, at('2026-01-16T01:00:00Z')) // 20:00 in New York

    const late = check({ contact, now: at('2026-01-16T01:30:00Z') }) // 19:30 in Chicago
    assert.isFalse(late.allowed)
    assert.deepEqual(late.opensAt, at('2026-01-16T15:00:00Z'))
  })

  test('candidates may be given as a list', ({ assert }) => {
    const contact = {
      timezone: null,
      timezoneCandidates: ['America/Denver', 'America/Phoenix'],
      state: null,
    }
    // July: Denver is UTC−6, Phoenix UTC−7; 09:00 in Phoenix is 16:00 UTC.
    assert.isFalse(check({ contact, now: at('2026-07-15T15:30:00Z') }).allowed)
    const open = check({ contact, now: at('2026-07-15T16:00:00Z') })
    assert.isTrue(open.allowed)
    assert.deepEqual(open.closesAt, at('2026-07-16T02:00:00Z')) // 20:00 in Denver
  })

  test('no zone and no candidates: the window every US zone shares', ({ assert }) => {
    const contact = { timezone: null, timezoneCandidates: null, state: null }
    // January: 09:00 in Honolulu/Adak is 19:00 UTC, 20:00 in Puerto Rico is 00:00 UTC.
    const early = check({ contact, now: at('2026-01-15T18:00:00Z') })
    assert.isFalse(early.allowed)
    assert.equal(early.zoneSource, 'all_us')
    assert.include(early.zones, 'Pacific/Honolulu')
    assert.deepEqual(early.opensAt, at('2026-01-15T19:00:00Z'))
    assert.match(textingHoursInEnglish(early.reason!), /time zone is unknown/)
    const open = check({ contact, now: at('2026-01-15T19:00:00Z') })
    assert.isTrue(open.allowed)
    assert.deepEqual(open.closesAt, at('2026-01-16T00:00:00Z'))
  })
})

test.group('Texting hours | the windows that combine', () => {
  const floridian = inZone('America/New_York', 'FL')
  const evening = at('2026-01-16T01:30:00Z') // 20:30 EST

  test('state rules on: Florida stops at 20:00', ({ assert }) => {
    const result = check({
      contact: floridian,
      organization: organization('08:00', '21:00', true),
      now: evening,
    })
    assert.isFalse(result.allowed)
    assert.deepEqual(result.window, { start: '08:00', end: '20:00' })
    assert.deepEqual(result.opensAt, at('2026-01-16T13:00:00Z')) // 08:00 EST
  })

  test('state rules off: Florida follows the organization window', ({ assert }) => {
    const result = check({
      contact: floridian,
      organization: organization('08:00', '21:00', false),
      now: evening,
    })
    assert.isTrue(result.allowed)
    assert.deepEqual(result.closesAt, at('2026-01-16T02:00:00Z'))
  })

  test('a switched-off or edited state rule is what counts', ({ assert }) => {
    const rules = new Map(defaultStateRules())
    rules.set('FL', { state: 'FL', start: '08:00', end: '20:00', enabled: false })
    rules.set('TX', { state: 'TX', start: '12:00', end: '18:00', enabled: true })
    const org = organization('08:00', '21:00', true)
    assert.isTrue(
      check({ contact: floridian, organization: org, stateRules: rules, now: evening }).allowed
    )
    const texan = inZone('America/Chicago', 'tx')
    const result = check({
      contact: texan,
      organization: org,
      stateRules: rules,
      now: at('2026-01-15T17:00:00Z'),
    })
    assert.isFalse(result.allowed)
    assert.deepEqual(result.window, { start: '12:00', end: '18:00' })
  })

  test('a narrower campaign window narrows', ({ assert }) => {
    const result = check({
      campaignHours: { start: '10:00', end: '18:00' },
      now: at('2026-01-15T14:30:00Z'), // 09:30 EST
    })
    assert.isFalse(result.allowed)
    assert.deepEqual(result.window, { start: '10:00', end: '18:00' })
    assert.deepEqual(result.opensAt, at('2026-01-15T15:00:00Z'))
  })

  test('a wider campaign window does not widen the organization default', ({ assert }) => {
    const result = check({
      campaignHours: { start: '07:00', end: '22:00' },
      now: at('2026-01-16T01:30:00Z'), // 20:30 EST
    })
    assert.isFalse(result.allowed)
    assert.deepEqual(result.window, { start: '09:00', end: '20:00' })
  })

  test('the federal 08:00–21:00 always applies', ({ assert }) => {
    const result = check({ organization: organization('06:00', '23:00'), now: evening })
    assert.deepEqual(result.window, { start: '08:00', end: '21:00' })
    assert.isTrue(result.allowed)
  })

  test('windows that do not overlap leave no time at all', ({ assert }) => {
    const result = check({ campaignHours: { start: '20:30', end: '22:00' }, now: evening })
    assert.isFalse(result.allowed)
    assert.isNull(result.window)
    assert.isUndefined(result.opensAt)
    assert.deepEqual(result.reason, { kind: 'no_time' })
    assert.match(textingHoursInEnglish(result.reason!), /No texting time/)
  })

  test('after closing, the next opening is the next local morning', ({ assert }) => {
    const lateNight = check({ now: at('2026-01-16T04:30:00Z') }) // 23:30 EST on the 15th
    assert.equal(lateNight.localTime, '23:30')
    assert.deepEqual(lateNight.opensAt, at('2026-01-16T14:00:00Z'))

    const afterMidnight = check({ now: at('2026-01-16T05:30:00Z') }) // 00:30 EST on the 16th
    assert.equal(afterMidnight.localTime, '00:30')
    assert.deepEqual(afterMidnight.opensAt, at('2026-01-16T14:00:00Z'))
  })
})
