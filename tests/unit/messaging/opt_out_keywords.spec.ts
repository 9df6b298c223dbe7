import { test } from '@japa/runner'
import { detectIntent, languageOf } from '#services/webhooks/opt_out_keywords'

test.group('Inbound intent | keywords', () => {
  test('"{body}" opts out')
    .with([
      'STOP',
      'stop',
      ' Stop. ',
      'STOP!!',
      'StopAll',
      'stop all',
      'UNSUBSCRIBE',
      'cancel',
      'End',
      'quit',
      'revoke',
      'optout',
      'Opt Out',
      'opt-out',
      'STOP2QUIT',
      's t o p',
    ])
    .run(({ assert }, body) => {
      assert.equal(detectIntent(body), 'stop')
    })

  test('"{body}" asks for help')
    .with(['HELP', 'help', 'Info', ' info? '])
    .run(({ assert }, body) => {
      assert.equal(detectIntent(body), 'help')
    })

  test('"{body}" opts back in')
    .with(['START', 'unstop', 'Start.'])
    .run(({ assert }, body) => {
      assert.equal(detectIntent(body), 'start')
    })

  test('YES opts back in only a phone that is opted out', ({ assert }) => {
    assert.equal(detectIntent('Yes', true), 'start')
    assert.isNull(detectIntent('Yes', false))
  })

  test('a keyword inside a longer message is not a keyword: "{body}"')
    .with(['Can I help at the event?', 'I will start on Monday', 'count me in, end of story?'])
    .run(({ assert }, body) => {
      assert.notInclude(['stop', 'help', 'start'], detectIntent(body) ?? 'none')
    })
})

test.group('Inbound intent | reasonable means', () => {
  test('a plain request to stop opts out: "{body}"')
    .with([
      'Please stop',
      'stop please',
      'Stop texting me',
      'please stop messaging me!',
      'Remove me from your list',
      'remove me',
      'Take me off your list please',
      'Unsubscribe me',
      "Don't text me",
      'do not text me again',
      'Wrong number, don’t text me',
      'wrong number. stop texting this number',
      'No more texts',
      'Leave me alone',
      'Not interested, stop texting me',
    ])
    .run(({ assert }, body) => {
      assert.equal(detectIntent(body), 'stop')
    })

  test('a stop-like phrase in a longer message is only flagged: "{body}"')
    .with([
      'Wrong number',
      'I will stop by the office on Tuesday',
      'Not interested right now, maybe later',
      "Who is this? Please don't text me at work, call instead",
      'Can you remove me from the Tuesday shift?',
      "I can't stop thinking about the rally",
    ])
    .run(({ assert }, body) => {
      assert.equal(detectIntent(body), 'possible_stop')
    })

  test('an ordinary reply is nothing: "{body}"')
    .with(['Yes, count me in!', 'Who is this?', 'Sure, what time?', ''])
    .run(({ assert }, body) => {
      assert.isNull(detectIntent(body))
    })
})

test.group('Inbound intent | Spanish', () => {
  test('"{body}" opts out')
    .with(['PARAR', 'parar', 'Para', 'PARE', 'Alto.', 'cancelar', 'DETENER', 'baja', 'Fin'])
    .run(({ assert }, body) => {
      assert.equal(detectIntent(body), 'stop')
      assert.equal(languageOf(body), 'es')
    })

  test('AYUDA asks for help, COMENZAR and (when opted out) SÍ opt back in', ({ assert }) => {
    assert.equal(detectIntent('Ayuda'), 'help')
    assert.equal(detectIntent('comenzar'), 'start')
    assert.equal(detectIntent('Sí', true), 'start')
    assert.isNull(detectIntent('Sí', false))
    assert.equal(languageOf('AYUDA'), 'es')
  })

  test('a plain request to stop opts out: "{body}"')
    .with([
      'No me escriban más',
      'por favor no me manden mensajes',
      'Bórrenme de su lista',
      'sácame de la lista, gracias',
      'Número equivocado. Dejen de escribirme',
      'Quiero darme de baja',
      'No más mensajes por favor',
      '¡Basta!',
    ])
    .run(({ assert }, body) => {
      assert.equal(detectIntent(body), 'stop')
      assert.equal(languageOf(body), 'es')
    })

  test('a stop-like phrase in a longer message is only flagged: "{body}"')
    .with([
      'Número equivocado',
      'No me interesa por ahora, quizás después',
      'Me dieron de baja del trabajo',
    ])
    .run(({ assert }, body) => {
      assert.equal(detectIntent(body), 'possible_stop')
    })

  test('"{body}" is an ordinary reply')
    .with(['Sí, cuenten conmigo', 'Para el sábado puedo', '¿Quién es?', 'Alto Parque, a las 5'])
    .run(({ assert }, body) => {
      assert.isNull(detectIntent(body))
    })

  test('English keywords and requests are answered in English: "{body}"')
    .with(['STOP', 'help', 'Please stop texting me', 'Yes'])
    .run(({ assert }, body) => {
      assert.equal(languageOf(body), 'en')
    })
})
