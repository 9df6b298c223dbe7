import { unknownMergeFields } from '#services/scripts/merge_fields'

/**
 * Warnings for the script author. None blocks sending: each is a reason
 * carriers filter texts or people report them as spam.
 */

export type LintCode =
  | 'missing_opt_out'
  | 'missing_org_name'
  | 'link'
  | 'url_shortener'
  | 'unknown_merge_field'
  | 'non_gsm_characters'

export type Lint = { code: LintCode; message: string }

/** Shortener domains carriers filter: the real destination is hidden, so spam uses them. */
export const URL_SHORTENERS = [
  'bit.ly',
  'bitly.com',
  'tinyurl.com',
  'goo.gl',
  't.co',
  'ow.ly',
  'is.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'rb.gy',
  'tiny.cc',
  'bl.ink',
  't.ly',
  'v.gd',
  's.id',
  'lnkd.in',
]

const OPT_OUT = /\b(stop|opt[\s-]?out|unsubscribe)\b/i

/** A URL with a scheme or www., or a bare domain on a common top-level domain. */
const LINK =
  /\b(?:https?:\/\/|www\.)[^\s]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|us|io|ly|gl|co|at|gd|cc|in|id|me|info|gov|edu|vote|link|site)\b(?:\/[^\s]*)?/gi

function hostOf(link: string) {
  const withScheme = /^https?:\/\//i.test(link) ? link : `http://${link}`
  try {
    return new URL(withScheme).hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return link.toLowerCase()
  }
}

export type LintInput = {
  body: string
  /** The body with the merge fields filled in (or left as written). */
  rendered: string
  organizationName: string
  /** Opt-out wording and the organization name are expected in a first message only. */
  firstMessage: boolean
  /** Known custom field headers; unknown-field warnings are skipped when not given. */
  customFieldNames?: Iterable<string>
  nonGsmCharacters: string[]
  /** Where tracked short links point (their host), when the text's links are tracked. */
  linkHost?: string
}

export function lintScript(input: LintInput): Lint[] {
  const lints: Lint[] = []
  if (input.firstMessage && !OPT_OUT.test(input.body)) {
    lints.push({
      code: 'missing_opt_out',
      message: 'A first message should say how to stop, e.g. "Reply STOP to opt out".',
    })
  }
  const namesOrganization =
    input.body.includes('{orgName}') ||
    input.rendered.toLowerCase().includes(input.organizationName.toLowerCase())
  if (input.firstMessage && !namesOrganization) {
    lints.push({
      code: 'missing_org_name',
      message: `A first message should name the organization ("${input.organizationName}" or {orgName}).`,
    })
  }

  const links = input.body.match(LINK) ?? []
  if (links.length) {
    lints.push({
      code: 'link',
      message: input.linkHost
        ? `Links are sent as tracked short links on ${input.linkHost}. Links make carriers look harder at a text: a link domain your group owns (organization settings) reads best.`
        : 'Links make carriers look harder at a text; use a full link on your own domain.',
    })
  }
  const shortened = [...new Set(links.map(hostOf).filter((host) => URL_SHORTENERS.includes(host)))]
  if (shortened.length) {
    lints.push({
      code: 'url_shortener',
      message: input.linkHost
        ? `${shortened.join(', ')} ${shortened.length === 1 ? 'is a shortener' : 'are shorteners'}: tracked links already make every link short, and a shortener behind them hides where the link leads; use the full link.`
        : `Carriers filter texts with shortened links (${shortened.join(', ')}); use the full link.`,
    })
  }

  if (input.customFieldNames) {
    for (const { name, suggestion } of unknownMergeFields(input.body, input.customFieldNames)) {
      lints.push({
        code: 'unknown_merge_field',
        message: suggestion
          ? `{${name}} is not a merge field; did you mean {${suggestion}}?`
          : `{${name}} is neither a built-in merge field nor a column of your contacts.`,
      })
    }
  }

  if (input.nonGsmCharacters.length) {
    lints.push({
      code: 'non_gsm_characters',
      message: `${input.nonGsmCharacters.join(' ')} ${input.nonGsmCharacters.length === 1 ? 'is' : 'are'} not in the GSM-7 alphabet: the text is sent as UCS-2, 70 characters per segment instead of 160.`,
    })
  }
  return lints
}
