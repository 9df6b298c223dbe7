import { onBeforeUnmount, watch } from 'vue'
import { router } from '@inertiajs/vue3'

type Filters = Record<string, string>

/**
 * A filtered, server-paginated table: `load(page)` asks for the rows the
 * filters describe, replacing the address and reloading only the `only`
 * props (the choices in the filters do not change meanwhile). The `typed`
 * filter reloads once typing pauses, every other one at once.
 */
export function useFilteredRows<F extends Filters>(options: {
  url: () => string
  filters: F
  typed: keyof F & string
  only: string[]
  /** The query for the filters; by default every filter that is not blank. */
  query?: (filters: F) => Record<string, string | number>
  /** Whether the typed text is worth a search yet. */
  searchable?: (text: string) => boolean
  /** Runs before each load (a selection of the old rows means nothing for the new ones). */
  onLoad?: () => void
}) {
  const { filters, typed } = options
  const query =
    options.query ??
    ((values: F) => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '')))

  function load(page = 1) {
    const params: Record<string, string | number> = query(filters)
    if (page > 1) params.page = page
    options.onLoad?.()
    router.get(options.url(), params, {
      preserveState: true,
      preserveScroll: true,
      replace: true,
      only: options.only,
    })
  }

  let typing: ReturnType<typeof setTimeout> | undefined
  watch(
    () => filters[typed],
    () => {
      clearTimeout(typing)
      typing = setTimeout(() => {
        if (options.searchable?.(filters[typed]) ?? true) load()
      }, 300)
    }
  )
  onBeforeUnmount(() => clearTimeout(typing))
  watch(
    () => Object.keys(filters).flatMap((key) => (key === typed ? [] : [filters[key]])),
    () => load()
  )

  return { load }
}
