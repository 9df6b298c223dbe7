import { smsEncoding, type SmsEncoding } from '#sms/encoding'
import { renderScript, type MergeContext } from '#services/scripts/merge_fields'
import { lintScript, type Lint } from '#services/scripts/lints'
import { gsmSuggestion } from '#services/scripts/substitutes'
import { withStandInLinks } from '#services/links/short_links'
import type { Translator } from '#services/i18n/translator'

export type PreviewInput = MergeContext & {
  body: string
  /** Whether this is a campaign's first message (opt-out and name lints); default true. */
  firstMessage?: boolean
  /** The organization's custom field headers, for the unknown-field lint. */
  customFieldNames?: Iterable<string>
  /** Where tracked short links point (`linkBase`), when the text's links are tracked. */
  linkBase?: string
  /** The reader's wording for the lints; English when not given. */
  i18n?: Translator
}

export type ScriptPreview = {
  rendered: string
  encoding: SmsEncoding
  segments: number
  characters: number
  missingFields: string[]
  /** Characters forcing UCS-2, each with its GSM-7 stand-in (null: none; "": remove it). */
  nonGsmCharacters: { char: string; suggestion: string | null }[]
  lints: Lint[]
}

/**
 * What the script editor and `POST /api/v1/messages/preview` show: the text
 * as this contact would get it, encoded and counted as carriers bill it
 * (tracked links as short links of their real length).
 */
export function preview(input: PreviewInput): ScriptPreview {
  const written = renderScript(input.body, input)
  const rendered = input.linkBase
    ? withStandInLinks(written.rendered, input.linkBase)
    : written.rendered
  const { missingFields } = written
  const info = smsEncoding(rendered)
  const customFieldNames = input.customFieldNames && [
    ...input.customFieldNames,
    ...Object.keys(input.contact?.customFields ?? {}),
  ]
  return {
    rendered,
    encoding: info.encoding,
    segments: info.segments,
    characters: info.characters,
    missingFields,
    nonGsmCharacters: info.nonGsmCharacters.map((char) => ({
      char,
      suggestion: gsmSuggestion(char),
    })),
    lints: lintScript({
      body: input.body,
      rendered,
      organizationName: input.organization.name,
      firstMessage: input.firstMessage ?? true,
      customFieldNames,
      nonGsmCharacters: info.nonGsmCharacters,
      linkHost: input.linkBase && new URL(input.linkBase).host,
      i18n: input.i18n,
    }),
  }
}
