import { test } from '@japa/runner'
import { smsEncoding } from '#sms/encoding'

const a = (count: number) => 'a'.repeat(count)
const o = (count: number) => 'ó'.repeat(count)

test.group('SMS encoding | GSM-7', () => {
  test('an empty text is no segment', ({ assert }) => {
    assert.deepEqual(smsEncoding(''), {
      encoding: 'GSM-7',
      segments: 0,
      characters: 0,
      nonGsmCharacters: [],
    })
  })

  test('{count} basic characters make {segments} segment(s)')
    .with([
      { count: 1, segments: 1 },
      { count: 160, segments: 1 },
      { count: 161, segments: 2 },
      { count: 306, segments: 2 },
      { count: 307, segments: 3 },
      { count: 459, segments: 3 },
      { count: 460, segments: 4 },
    ])
    .run(({ assert }, { count, segments }) => {
      const info = smsEncoding(a(count))
      assert.equal(info.encoding, 'GSM-7')
      assert.equal(info.characters, count)
      assert.equal(info.segments, segments)
    })

  test('every basic-table character stays GSM-7 at one septet', ({ assert }) => {
    const basic =
      '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
      '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
    const info = smsEncoding(basic)
    assert.equal(info.encoding, 'GSM-7')
    assert.equal(info.characters, [...basic].length)
  })

  test('extension characters cost two septets each', ({ assert }) => {
    const info = smsEncoding('^{}\\[~]|€\f')
    assert.equal(info.encoding, 'GSM-7')
    assert.equal(info.characters, 20)
    assert.deepEqual(info.nonGsmCharacters, [])
  })

  test('80 euro signs fill one segment exactly; one more character makes two', ({ assert }) => {
    assert.equal(smsEncoding('€'.repeat(80)).segments, 1)
    assert.equal(smsEncoding('€'.repeat(80)).characters, 160)
    assert.equal(smsEncoding(a(159) + '€').segments, 2)
    assert.equal(smsEncoding(a(159) + '€').characters, 161)
  })

  test('an escape pair is never split across segments', ({ assert }) => {
    // 306 septets would fit two parts of 153, but the € cannot straddle the first boundary.
    const body = a(152) + '€' + a(152)
    const info = smsEncoding(body)
    assert.equal(info.characters, 306)
    assert.equal(info.segments, 3)
    // With the pair starting a part, the same length fits in two.
    assert.equal(smsEncoding(a(151) + '€' + a(153)).segments, 2)
  })
})

test.group('SMS encoding | UCS-2', () => {
  test('{count} non-GSM characters make {segments} segment(s)')
    .with([
      { count: 70, segments: 1 },
      { count: 71, segments: 2 },
      { count: 134, segments: 2 },
      { count: 135, segments: 3 },
      { count: 201, segments: 3 },
      { count: 202, segments: 4 },
    ])
    .run(({ assert }, { count, segments }) => {
      const info = smsEncoding(o(count))
      assert.equal(info.encoding, 'UCS-2')
      assert.equal(info.characters, count)
      assert.equal(info.segments, segments)
    })

  test('one non-GSM character switches the whole text', ({ assert }) => {
    const info = smsEncoding(a(69) + 'ç')
    assert.equal(info.encoding, 'UCS-2')
    assert.equal(info.characters, 70)
    assert.equal(info.segments, 1)
    assert.equal(smsEncoding(a(70) + 'ç').segments, 2)
  })

  test('extension characters are one unit in UCS-2', ({ assert }) => {
    assert.equal(smsEncoding('€ó').characters, 2)
  })

  test('accented capitals, cedilla, curly quotes and dashes are not GSM-7', ({ assert }) => {
    const info = smsEncoding('Ça va? ’Hi’ – “Á” ó ç ’')
    assert.equal(info.encoding, 'UCS-2')
    assert.deepEqual(info.nonGsmCharacters, ['’', '–', '“', 'Á', '”', 'ó', 'ç'])
  })

  test('an emoji is two units: 35 fill one segment, 36 need two', ({ assert }) => {
    assert.equal(smsEncoding('😀').characters, 2)
    assert.deepEqual(smsEncoding('😀').nonGsmCharacters, ['😀'])
    assert.equal(smsEncoding('😀'.repeat(35)).segments, 1)
    assert.equal(smsEncoding('😀'.repeat(36)).segments, 2)
    assert.equal(smsEncoding('😀'.repeat(36)).characters, 72)
  })

  test('a surrogate pair is never split across segments', ({ assert }) => {
    // 134 units would fit two parts of 67, but the emoji cannot straddle the first boundary.
    const info = smsEncoding(o(66) + '😀' + o(66))
    assert.equal(info.characters, 134)
    assert.equal(info.segments, 3)
    assert.equal(smsEncoding(o(65) + '😀' + o(67)).segments, 2)
  })
})
