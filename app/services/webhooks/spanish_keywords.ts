/**
 * Spanish keywords and requests to stop, read with the English ones by
 * opt_out_keywords.ts. Texts arrive here without accents and, for phrases,
 * in lower case ("No me escriban más" → "no me escriban mas").
 *
 * Twilio and Telnyx recognise English keywords only by default (Twilio's
 * Spanish ones need Advanced Opt-Out on a Messaging Service), so Porchlight
 * honours these itself and sends the confirmation (docs/compliance.md).
 */

/** A whole message that opts out, like STOP. */
export const SPANISH_STOP_KEYWORDS = [
  'PARAR',
  'PARA',
  'PARE',
  'ALTO',
  'CANCELAR',
  'DETENER',
  'BAJA',
  'FIN',
]
export const SPANISH_HELP_KEYWORDS = ['AYUDA']
export const SPANISH_START_KEYWORDS = ['COMENZAR']

const WRITE = String.raw`(?:escriba|escribas|escriban|mande|mandes|manden|envie|envies|envien)`
const TEXTS = String.raw`(?:mensajes|textos|sms)`
/** "bórrame", "sáqueme", "quítenme": tú, usted and ustedes. */
const REMOVE_ME = String.raw`(?:borr(?:a|e|en)|saca|saqu(?:e|en)|quit(?:a|e|en)|elimin(?:a|e|en))me`
const MY_LIST = String.raw`(?:su|tu|la|sus|tus|esta|esa) (?:lista|listas|base de datos)`

/** A whole clause that plainly asks to stop. */
export const SPANISH_CLEAR_REQUESTS = [
  String.raw`(?:parar|paren|basta|alto)`,
  String.raw`(?:para|pare|paren|deja|deje|dejen) de (?:escribirme|escribir|(?:mandar|enviar)(?:me)? ${TEXTS})`,
  String.raw`(?:ya )?no (?:me )?${WRITE}(?: mas)?(?: ${TEXTS})?(?: mas| nunca)?`,
  String.raw`no (?:quiero|deseo) (?:recibir )?(?:mas )?${TEXTS}`,
  String.raw`no mas ${TEXTS}`,
  String.raw`${REMOVE_ME}(?: de ${MY_LIST})?`,
  String.raw`(?:quiero |deseo )?(?:darme|dar) de baja`,
]

/** Clauses that add nothing either way. */
export const SPANISH_FILLER = [
  String.raw`por favor|porfa|gracias|no gracias|disculpe|perdon|vale|ya`,
  String.raw`(?:este es )?(?:el )?numero equivocado`,
  String.raw`(?:no|yo no) (?:me interesa|estoy interesad[oa])`,
]

/** Phrases that might be a request to stop; only ever flagged. */
export const SPANISH_CUES =
  /\b(?:parar|paren|dejen? de (?:escribir|mandar|enviar)\w*|de baja|no me (?:escrib|mand|envi)\w*|numero equivocado|no me interesa|(?:borr(?:a|e|en)|saca|saqu(?:e|en)|quit(?:a|e|en)|elimin(?:a|e|en))me|no mas (?:mensajes|textos))\b/
