/**
 * The mood of a contact's reply: positive, neutral or negative.
 *
 * Scoring comes from the `sentiment` package (AFINN-165 word list plus an
 * emoji list, MIT). Texting replies are short, so a few things are settled
 * here before the word list is consulted:
 *
 * - A request to stop texting ("STOP", "remove me", "wrong number") is always
 *   negative, read the same way inbound opt-out detection reads it.
 * - Plain refusals ("no thanks", "nope") are negative even though "thanks"
 *   scores as a kind word.
 * - Short agreements the word list leaves out ("yep", "sure", "ok", "count me
 *   in") count as positive: on a campaign, a yes is the good outcome.
 * - Emoji glued to words ("great🎉") are scored, and a few common ones the
 *   list lacks or misreads (🤬, 🖕, ❌) are added.
 *
 * Threshold: a total score of +1 or more is positive, -1 or less negative,
 * anything else ("who is this?", "maybe", "ok then?") neutral.
 */
import Sentiment from 'sentiment'
import { detectIntent } from '#services/webhooks/opt_out_keywords'

export type ReplySentiment = 'positive' | 'neutral' | 'negative'

const analyzer = new Sentiment()

const REPLY_WORDS: Record<string, number> = {
  'yep': 1,
  'yup': 1,
  'yea': 1,
  'ya': 1,
  'sure': 1,
  'ok': 1,
  'okay': 1,
  'definitely': 2,
  'absolutely': 2,
  'nope': -1,
  'nah': -1,
  'never': -1,
  'unsubscribe': -2,
  '🤬': -3,
  '🖕': -4,
  '❌': -1,
  '🙄': -1,
  '💯': 2,
}

const REFUSALS = /^(no|nope|nah|no way)( (thanks|thank you|thx|ty|sorry))?$/
const AGREEMENTS = /^(count me in|i'?m in|sounds good|will do|of course)$/

const EMOJI = /(\p{Extended_Pictographic})/gu
/** Skin tones and the emoji presentation selector carry no mood. */
const EMOJI_MODIFIERS = /[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu

function normalized(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.,!?;:()"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

export function sentimentOf(text: string): ReplySentiment {
  const plain = normalized(text)
  if (plain === '') return 'neutral'
  if (REFUSALS.test(plain)) return 'negative'
  if (AGREEMENTS.test(plain)) return 'positive'
  const intent = detectIntent(text)
  if (intent === 'stop' || intent === 'possible_stop') return 'negative'

  const spaced = text.replace(EMOJI_MODIFIERS, '').replace(EMOJI, ' $1 ')
  const { score } = analyzer.analyze(spaced, { extras: REPLY_WORDS })
  if (score >= 1) return 'positive'
  if (score <= -1) return 'negative'
  return 'neutral'
}
