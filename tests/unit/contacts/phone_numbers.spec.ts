import { test } from '@japa/runner'
import { phoneSearchTerms, toE164 } from '#services/contacts/phone_numbers'

test.group('Phone numbers', () => {
  test('reads a phone written any common way as E.164', ({ assert }) => {
    for (const written of [
      '(202) 555-0143',
      '202.555.0143',
      '202-555-0143',
      '+1 202 555 0143',
      '1 202 555 0143',
      ' 2025550143 ',
    ]) {
      assert.equal(toE164(written), '+12025550143', written)
    }
    assert.equal(toE164('+44 20 7946 0958'), '+442079460958')
    assert.equal(toE164('020 7946 0958', 'GB'), '+442079460958')
  })

  test('refuses what cannot be a phone', ({ assert }) => {
    for (const written of ['', '555', '555-0143', 'call me', '+1 202 555 01']) {
      assert.isNull(toE164(written), written)
    }
  })

  test('turns the beginning of a phone into E.164 prefixes for searching', ({ assert }) => {
    assert.deepEqual(phoneSearchTerms('(202) 555-0143'), { exact: '+12025550143' })
    assert.deepEqual(phoneSearchTerms('202 555'), { prefixes: ['+1202555', '+202555'] })
    assert.deepEqual(phoneSearchTerms('+4420'), { prefixes: ['+4420'] })
    assert.isNull(phoneSearchTerms('20'))
    assert.isNull(phoneSearchTerms('Ann'))
  })
})
