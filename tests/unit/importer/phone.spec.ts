import { test } from '@japa/runner'
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'
import i18nManager from '@adonisjs/i18n/services/main'
import { normalizePhone } from '#services/importer/phone'

/** A small deterministic PRNG, so a failure can be reproduced. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const digits = (next: () => number, count: number) =>
  Array.from({ length: count }, () => Math.floor(next() * 10)).join('')

test.group('Importer | phone numbers', () => {
  test('a +1 number’s validity depends only on its first 7 digits, for every area code', ({
    assert,
  }) => {
    const next = random(7)
    const disagreements: string[] = []
    for (let area = 200; area <= 999; area++) {
      for (let sample = 0; sample < 12; sample++) {
        const prefix = `${area}${digits(next, 4)}`
        const verdicts = new Set(
          [0, 1, 2].map(
            () => parsePhoneNumberFromString(`+1${prefix}${digits(next, 3)}`)?.isValid() ?? false
          )
        )
        if (verdicts.size > 1) disagreements.push(prefix)
      }
    }
    assert.deepEqual(disagreements, [])
  })

  test('the remembered verdicts answer exactly what libphonenumber answers', ({ assert }) => {
    const next = random(11)
    const formats = [
      (n: string) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
      (n: string) => `+1 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
      (n: string) => `1-${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`,
      (n: string) => `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`,
      (n: string) => n,
    ]
    for (let i = 0; i < 20_000; i++) {
      // Area codes concentrated on a few values so that remembered verdicts get reused.
      const national = `${200 + Math.floor(next() * 40) * 20}${digits(next, 7)}`
      const written = formats[i % formats.length](national)
      const parsed = parsePhoneNumberFromString(written, 'US')
      const result = normalizePhone(written, 'US')
      if (parsed?.isValid()) assert.deepEqual(result, { phone: parsed.number }, written)
      else assert.property(result, 'error', written)
    }
  })

  test('phones in any common format become E.164', ({ assert }) => {
    for (const raw of ['(415) 555-0100', '+1 415 555 0100', '415.555.0100', '1-415-555-0100']) {
      assert.deepEqual(normalizePhone(raw, 'US'), { phone: '+14155550100' })
    }
    assert.deepEqual(normalizePhone('(415) 555-0100 ext. 12', 'US'), { phone: '+14155550100' })
    assert.deepEqual(normalizePhone('020 7946 0958', 'GB'), { phone: '+442079460958' })
    assert.deepEqual(normalizePhone('+44 20 7946 0958', 'US'), { phone: '+442079460958' })
  })

  test('unusable phones say why, in English and as a catalogue phrase', ({ assert }) => {
    const why = (raw: string, region: CountryCode) => {
      const result = normalizePhone(raw, region)
      if (!('error' in result)) return null
      const spanish = i18nManager.locale('es')
      return { error: result.error, es: spanish.t(result.phrase.key, result.phrase.values) }
    }
    assert.deepEqual(why('  ', 'US'), {
      error: 'No phone number',
      es: 'Falta el número de teléfono',
    })
    assert.deepEqual(why('n/a', 'US'), {
      error: '“n/a” is not a phone number',
      es: '«n/a» no es un número de teléfono',
    })
    assert.deepEqual(why('555-0199', 'US'), {
      error: '“555-0199” is not a valid phone number in US',
      es: '«555-0199» no es un número de teléfono válido en US',
    })
    assert.deepEqual(why('(415) 123-4567', 'US'), {
      error: '“(415) 123-4567” is not a valid phone number in US',
      es: '«(415) 123-4567» no es un número de teléfono válido en US',
    })
    assert.deepEqual(why('(415) 555-0100', 'GB'), {
      error: '“(415) 555-0100” is not a valid phone number in GB',
      es: '«(415) 555-0100» no es un número de teléfono válido en GB',
    })
  })
})
