/**
 * Reads what an inbound text asks for: to stop, for help, or to start again.
 *
 * Keywords (COMPLIANCE.md) count only as the whole message, ignoring case,
 * spaces and surrounding punctuation: "Stop", " stop! ", "Opt out" and
 * "STOP ALL" opt out; "stop by the office" does not.
 *
 * Consent may also be revoked "by any reasonable means". We split that in two,
 * on purpose:
 *
 * - `stop`: the message says nothing but a plain request to stop ("please
 *   stop", "remove me from your list", "wrong number, don't text me"). Every
 *   part of it is either such a request or harmless filler, so we opt the
 *   person out at once, exactly as for STOP.
 * - `possible_stop`: a stop-like phrase inside a longer message ("I'll stop
 *   by Tuesday", "not interested right now, maybe later", "wrong number").
 *   A machine cannot be sure, so the message is flagged for the texter, who
 *   opts the person out with one click when a human reads it as a request.
 *
 * Auto-opting-out every message that merely contains "stop" would silence
 * supporters who wrote something else; ignoring such messages would break
 * the rule. Flagging keeps a person in the loop for the uncertain cases while
 * the clear ones are honoured before the next message.
 *
 * Spanish speakers get the same treatment: PARAR, CANCELAR, ALTO and the
 * other words below opt out, AYUDA asks for help, and plain Spanish requests
 * ("no me escriban más", "sáquenme de la lista") count as reasonable means.
 * Accents are ignored ("NO MÁS" = "NO MAS"). `languageOf` tells which
 * language to answer in (docs/compliance.md, "Spanish").
 */

import {
  SPANISH_CLEAR_REQUESTS,
  SPANISH_CUES,
  SPANISH_FILLER,
  SPANISH_HELP_KEYWORDS,
  SPANISH_START_KEYWORDS,
  SPANISH_STOP_KEYWORDS,
} from '#services/webhooks/spanish_keywords'

export type InboundIntent = 'stop' | 'help' | 'start' | 'possible_stop'

export const STOP_KEYWORDS = new Set([
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  'STOP2QUIT',
  ...SPANISH_STOP_KEYWORDS,
])
export const HELP_KEYWORDS = new Set(['HELP', 'INFO', ...SPANISH_HELP_KEYWORDS])
export const START_KEYWORDS = new Set(['START', 'UNSTOP', ...SPANISH_START_KEYWORDS])
/** "YES" (or "SÍ") opts back in only when the person is opted out (the caller knows). */
const START_IF_OPTED_OUT = new Set(['YES', 'SI'])

const TEXT = String.raw`(?:text|txt|texting|texts|message|messaging|messages|msg|contact|contacting|sms)`
const ME = String.raw`(?:me|this number|my number)`
const LIST = String.raw`(?:your|the|this) (?:list|lists|number|contacts|database|texts)`

/** A whole clause that plainly asks to stop. */
const CLEAR_REQUESTS = [
  String.raw`stop`,
  String.raw`(?:stop|quit|cease) (?:${TEXT})(?: ${ME})?(?: again| anymore| any more| now)?`,
  String.raw`stop sending (?:me )?(?:${TEXT}|these|this)`,
  String.raw`(?:do not|dont|don't|never) (?:${TEXT}|send)(?: ${ME})?(?: again| anymore| any more| ever)?`,
  String.raw`no more (?:${TEXT})`,
  String.raw`(?:remove|delete|take) (?:me|my number|this number)(?: off| from)?(?: ${LIST})?`,
  String.raw`unsubscribe(?: me)?(?: from ${LIST})?`,
  String.raw`opt (?:me )?out`,
  String.raw`leave me alone`,
  String.raw`lose (?:my|this) number`,
  ...SPANISH_CLEAR_REQUESTS,
]
/** Clauses that add nothing either way. */
const FILLER = [
  String.raw`please|pls|plz|thanks|thank you|thx|sorry|ok|okay|now|asap|immediately`,
  String.raw`wrong (?:number|person|#)`,
  String.raw`(?:this is (?:the )?)?wrong (?:number|person)`,
  String.raw`(?:i(?: am|'m|m)? )?not interested`,
  ...SPANISH_FILLER,
]
const clear = new RegExp(
  String.raw`^(?:please |pls |plz |por favor )?(?:${CLEAR_REQUESTS.join('|')})(?: please| pls| plz| now| thanks| thank you| por favor| gracias)?$`
)
const filler = new RegExp(String.raw`^(?:${FILLER.join('|')})$`)

/** Phrases that might be a request to stop; only ever flagged. */
const CUES =
  /\b(?:stop|unsubscribe|remove me|opt ?out|wrong (?:number|person)|(?:do not|dont|don't) (?:text|txt|message|contact)|no more (?:texts|messages)|leave me alone|not interested)\b/

/** "Sí", "NO MÁS" and "bórrenme" read as "Si", "NO MAS", "borrenme". */
function withoutAccents(body: string) {
  return body.normalize('NFD').replace(/\p{M}/gu, '')
}

function keywordOf(body: string) {
  return withoutAccents(body)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
}

function clausesOf(body: string) {
  return withoutAccents(body)
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .split(/[.,;:!?¡¿\n]+| and | but | y | pero | - /)
    .map((clause) =>
      clause
        .replace(/[^a-z0-9#' ]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    )
    .filter(Boolean)
}

/**
 * Whether `body` opts back in when the sender is opted out ("YES"), so the
 * caller needs to know that before asking `detectIntent`.
 */
export function dependsOnOptOut(body: string) {
  return START_IF_OPTED_OUT.has(keywordOf(body))
}

/**
 * What `body` asks for, or null for an ordinary reply. `optedOut` says
 * whether the sender is on the opt-out list right now (it decides "YES").
 */
export function detectIntent(body: string, optedOut = false): InboundIntent | null {
  const keyword = keywordOf(body)
  if (STOP_KEYWORDS.has(keyword)) return 'stop'
  if (HELP_KEYWORDS.has(keyword)) return 'help'
  if (START_KEYWORDS.has(keyword)) return 'start'
  if (optedOut && START_IF_OPTED_OUT.has(keyword)) return 'start'

  const clauses = clausesOf(body)
  const requests = clauses.filter((clause) => clear.test(clause))
  if (requests.length > 0 && clauses.every((c) => clear.test(c) || filler.test(c))) return 'stop'
  const text = clauses.join(' ')
  if (CUES.test(text) || SPANISH_CUES.test(text)) return 'possible_stop'
  return null
}

/**
 * The language to answer a keyword or stop request in: Spanish when the text
 * is a Spanish keyword or reads as a Spanish request to stop, else English.
 */
export function languageOf(body: string): 'en' | 'es' {
  const keyword = keywordOf(body)
  if (SPANISH_KEYWORDS.has(keyword)) return 'es'
  const text = clausesOf(body).join(' ')
  return spanishRequest.test(text) || SPANISH_CUES.test(text) ? 'es' : 'en'
}

const SPANISH_KEYWORDS = new Set([
  ...SPANISH_STOP_KEYWORDS,
  ...SPANISH_HELP_KEYWORDS,
  ...SPANISH_START_KEYWORDS,
  'SI',
])
const spanishRequest = new RegExp(String.raw`\b(?:${SPANISH_CLEAR_REQUESTS.join('|')})\b`)
