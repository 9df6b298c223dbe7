import { randomBytes } from 'node:crypto'
import { errors as vineErrors } from '@vinejs/vine'
import type { CredentialFieldContract, SmsPluginManifest } from '#sms/types'

type Values = Record<string, unknown> | undefined
type FieldError = { field: string; message: string; rule: string }

/**
 * Settings every account has, whatever its plugin.
 */
export const CORE_SETTING_FIELDS: CredentialFieldContract[] = [
  {
    name: 'apiBaseUrl',
    label: 'API base URL',
    secret: false,
    required: false,
    type: 'url',
    pattern: '^https?://\\S+$',
    help: "Leave blank for the provider's own. For regional edges, proxies and contract tests. Changing it needs the secrets entered again.",
  },
  {
    name: 'textsPerSecond',
    label: 'Texts per second per sender number',
    secret: false,
    required: false,
    type: 'number',
    pattern: '^\\d+(\\.\\d+)?$',
    help: 'The pace the dispatcher keeps for each number (your 10DLC campaign’s throughput). Blank: 10.',
  },
]

/** The setting fields a plugin's account form shows: the core's, then the plugin's own. */
export function settingFieldsOf(manifest: SmsPluginManifest) {
  const own = new Set(manifest.settingFields.map((field) => field.name))
  return [...CORE_SETTING_FIELDS.filter((field) => !own.has(field.name)), ...manifest.settingFields]
}

function asText(value: unknown) {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value.trim() : String(value)
}

/**
 * What a field left blank stands for: the stored secret on an edit (secrets
 * are never shown again, so blank means "unchanged"), else a fresh random
 * value for a generated secret, else the field's default.
 */
function blankValue(field: CredentialFieldContract, previous: Record<string, unknown>) {
  const stored = field.secret ? asText(previous[field.name]) : ''
  if (stored) return stored
  if (field.generated) return randomBytes(32).toString('base64url')
  return field.default ?? ''
}

/**
 * Keeps only the fields the form declares, as strings, and checks them
 * against the manifest; blank fields take `blankValue`. Fails like a
 * validator, so forms and the API show the errors per field.
 */
export function checkFields(
  fields: CredentialFieldContract[],
  given: Values,
  group: 'credentials' | 'settings',
  previous: Record<string, unknown> = {}
) {
  const values: Record<string, string> = {}
  const errors: FieldError[] = []
  for (const field of fields) {
    const value = asText(given?.[field.name]) || blankValue(field, previous)
    const path = `${group}.${field.name}`
    if (!value) {
      if (field.required) {
        errors.push({ field: path, message: `${field.label} is required`, rule: 'required' })
      }
      continue
    }
    if (field.pattern && !new RegExp(field.pattern).test(value)) {
      errors.push({
        field: path,
        message: `${field.label} is not in the expected format`,
        rule: 'regex',
      })
      continue
    }
    values[field.name] = value
  }
  if (errors.length) throw new vineErrors.E_VALIDATION_ERROR(errors)
  return values
}

/**
 * The secrets stored in `previous` that `given` leaves blank (and so would
 * keep): what must be typed again before the account may send them anywhere new.
 */
export function storedSecretsLeftBlank(
  fields: CredentialFieldContract[],
  given: Values,
  previous: Record<string, unknown>
) {
  return fields.filter(
    (field) => field.secret && asText(previous[field.name]) && !asText(given?.[field.name])
  )
}

export function fieldError(field: string, message: string, rule = 'invalid') {
  return new vineErrors.E_VALIDATION_ERROR([{ field, message, rule }])
}
