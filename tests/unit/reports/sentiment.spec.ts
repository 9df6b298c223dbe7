import { test } from '@japa/runner'
import { sentimentOf } from '#services/conversations/sentiment'

test.group('Reply sentiment', () => {
  test('"{$self}" is positive')
    .with([
      'yes',
      'Yes!',
      'YES',
      'yep',
      'sure',
      'ok',
      'Count me in',
      'I love it',
      'Thanks so much, I will be there',
      '👍',
      '👍🏽',
      'great🎉',
      '❤️',
    ])
    .run(({ assert }, text) => {
      assert.equal(sentimentOf(text), 'positive')
    })

  test('"{$self}" is negative')
    .with([
      'no',
      'No.',
      'nope',
      'no thanks',
      'No thank you!',
      'STOP',
      'stop',
      'remove me from your list',
      'wrong number',
      'Not interested',
      'I hate this',
      'leave me alone you idiots',
      '👎',
      '🤬',
      '😡',
    ])
    .run(({ assert }, text) => {
      assert.equal(sentimentOf(text), 'negative')
    })

  test('"{$self}" is neutral')
    .with(['', '   ', 'who is this?', 'maybe', 'What time is the rally', '123 Main St', '🤷'])
    .run(({ assert }, text) => {
      assert.equal(sentimentOf(text), 'neutral')
    })

  test('a mixed reply follows its stronger side', ({ assert }) => {
    assert.equal(sentimentOf('I love the candidate but not the texts'), 'positive')
    assert.equal(sentimentOf('good idea but I hate, hate, hate these texts'), 'negative')
  })
})
