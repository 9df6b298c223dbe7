import { computed, ref } from 'vue'

/**
 * The rows ticked in a table of `rows()` (by id), with "select all on this
 * page" that unticks everything once all are ticked.
 */
export function useRowSelection(rows: () => { id: number }[]) {
  const selected = ref<number[]>([])
  const allSelected = computed(() => rows().length > 0 && selected.value.length === rows().length)
  function toggleAll() {
    selected.value = allSelected.value ? [] : rows().map((row) => row.id)
  }
  return { selected, allSelected, toggleAll }
}
