import { ref } from 'vue'
import { router } from '@inertiajs/vue3'
import { IntlMessageFormat } from 'intl-messageformat'

/**
 * The pages read the same catalogues as the server (resources/lang/<locale>/<namespace>.json,
 * keys "<namespace>.<path>"), in ICU message syntax, so a message is written once for both.
 * Each locale's files load on demand; English is the fallback for a key a catalogue lacks.
 */
type Catalogue = Map<string, string>
type Values = Record<string, string | number | Date | boolean | null | undefined>

const files = import.meta.glob<Record<string, unknown>>('../resources/lang/*/*.json', {
  import: 'default',
})
const catalogues = new Map<string, Catalogue>()
const formats = new Map<string, IntlMessageFormat>()

export const fallbackLocale = 'en'
const locale = ref(fallbackLocale)

function flatten(into: Catalogue, prefix: string, value: unknown) {
  if (typeof value === 'string') {
    into.set(prefix, value)
    return
  }
  for (const [key, nested] of Object.entries(value as Record<string, unknown>)) {
    flatten(into, `${prefix}.${key}`, nested)
  }
}

async function loadCatalogue(code: string) {
  if (catalogues.has(code)) return
  const catalogue: Catalogue = new Map()
  const entries = Object.entries(files).filter(([path]) => path.includes(`/lang/${code}/`))
  for (const [path, load] of entries) {
    const namespace = path
      .split('/')
      .pop()!
      .replace(/\.json$/, '')
    flatten(catalogue, namespace, await load())
  }
  catalogues.set(code, catalogue)
}

/** Loads the catalogue (and the English fallback) before switching, so no page renders keys. */
export async function useLocale(code: string) {
  await Promise.all([loadCatalogue(fallbackLocale), loadCatalogue(code)])
  locale.value = catalogues.get(code)!.size ? code : fallbackLocale
  // Screen readers and spell checkers read the page in its language.
  if (typeof document !== 'undefined') document.documentElement.lang = locale.value
}

/** Follows the locale the server sends with every page (it changes when a person picks another). */
export function followServerLocale() {
  const follow = (props: Record<string, unknown>) => {
    const next = String(props.locale ?? fallbackLocale)
    if (next !== locale.value) void useLocale(next)
  }
  router.on('navigate', (event) => follow(event.detail.page.props))
  // A form sent back to the page it came from (the profile, on picking a language) is a success, not a navigation.
  router.on('success', (event) => follow(event.detail.page.props))
}

export function t(key: string, values?: Values): string {
  const code = locale.value
  const message = catalogues.get(code)?.get(key) ?? catalogues.get(fallbackLocale)?.get(key)
  if (message === undefined) return key
  const cacheKey = `${code}\u0000${key}`
  let format = formats.get(cacheKey)
  if (!format) {
    format = new IntlMessageFormat(message, code)
    formats.set(cacheKey, format)
  }
  return String(format.format(values as Record<string, string>))
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(locale.value, options).format(value)
}

export function formatDate(value: Date | string | number, options?: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(locale.value, options).format(new Date(value))
}

/** For templates: `const { t, formatDate } = useI18n()`; re-renders when the locale changes. */
export function useI18n() {
  return { t, formatNumber, formatDate, locale }
}
