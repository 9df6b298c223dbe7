import { test } from '@japa/runner'
import { parseOptInDate } from '#services/importer/normalize'

test.group('Importer | opt-in dates', () => {
  test('reads “{raw}”')
    .with([
      { raw: '2026-03-31', iso: '2026-03-31T00:00:00.000Z' },
      { raw: '2026-03-31T14:30:00-04:00', iso: '2026-03-31T18:30:00.000Z' },
      { raw: '2026-03-31 14:30:05', iso: '2026-03-31T14:30:05.000Z' },
      { raw: '3/31/2026', iso: '2026-03-31T00:00:00.000Z' },
      { raw: ' 3/31/2026 9:05 ', iso: '2026-03-31T09:05:00.000Z' },
    ])
    .run(({ assert }, { raw, iso }) => {
      assert.equal(parseOptInDate(raw)!.toUTC().toISO(), iso)
    })

  test('refuses what is not a date', ({ assert }) => {
    for (const raw of ['someday', '31/3/2026', '2026-13-01', 'March']) {
      assert.isNull(parseOptInDate(raw), raw)
    }
  })
})
