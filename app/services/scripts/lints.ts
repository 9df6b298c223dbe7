import { unknownMergeFields } from '#services/scripts/merge_fields'
import { translate, type Translator } from '#services/i18n/translator'

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
  /** The reader's wording (`ctx.i18n`); English when not given. */
  i18n?: Translator
}

export function lintScript(input: LintInput): Lint[] {
  const lints: Lint[] = []
  const t = translate(input.i18n)
  if (input.firstMessage && !OPT_OUT.test(input.body)) {
    lints.push({
      code: 'missing_opt_out',
      message: t('readiness.lints.missingOptOut'),
    })
  }
  const namesOrganization =
    input.body.includes('{orgName}') ||
    input.rendered.toLowerCase().includes(input.organizationName.toLowerCase())
  if (input.firstMessage && !namesOrganization) {
    lints.push({
      code: 'missing_org_name',
      message: t('readiness.lints.missingOrgName', { name: input.organizationName }),
    })
  }

  const links = input.body.match(LINK) ?? []
  if (links.length) {
    lints.push({
      code: 'link',
      message: input.linkHost
        ? t('readiness.lints.linkTracked', { host: input.linkHost })
        : t('readiness.lints.link'),
    })
  }
  const shortened = [...new Set(links.map(hostOf).filter((host) => URL_SHORTENERS.includes(host)))]
  if (shortened.length) {
    lints.push({
      code: 'url_shortener',
      message: input.linkHost
        ? t('readiness.lints.urlShortenerTracked', {
            hosts: shortened.join(', '),
            count: shortened.length,
          })
        : t('readiness.lints.urlShortener', { hosts: shortened.join(', ') }),
    })
  }

  if (input.customFieldNames) {
    for (const { name, suggestion } of unknownMergeFields(input.body, input.customFieldNames)) {
      lints.push({
        code: 'unknown_merge_field',
        message: suggestion
          ? t('readiness.lints.unknownFieldSuggestion', { name, suggestion })
          : t('readiness.lints.unknownField', { name }),
      })
    }
  }

  if (input.nonGsmCharacters.length) {
    lints.push({
      code: 'non_gsm_characters',
      message: t('readiness.lints.nonGsm', {
        characters: input.nonGsmCharacters.join(' '),
        count: input.nonGsmCharacters.length,
      }),
    })
  }
  return lints
}
