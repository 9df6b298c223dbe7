import { formatNumber } from '~/i18n'

/** How report figures read on the page (the API gives raw numbers and 0–1 shares), per locale. */
export const count = (value: number) => formatNumber(value)

export const percent = (share: number) =>
  formatNumber(share, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })

export const money = (value: number, digits = 2) =>
  formatNumber(value, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })

/** "45 s", "3 min 20 s", "2 h 5 min"; a dash when there is nothing to measure. */
export function duration(seconds: number | null) {
  if (seconds === null) return '—'
  if (seconds < 60) return `${seconds} s`
  if (seconds < 3600) {
    const rest = seconds % 60
    return `${Math.floor(seconds / 60)} min${rest ? ` ${rest} s` : ''}`
  }
  const minutes = Math.floor((seconds % 3600) / 60)
  return `${Math.floor(seconds / 3600)} h${minutes ? ` ${minutes} min` : ''}`
}
