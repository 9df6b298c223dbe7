/**
 * The fake carrier's per-account behaviour, read from the provider
 * account's settings (form values arrive as strings).
 */
export interface FakeCarrierSettings {
  /** Milliseconds between accepting a send and reporting it delivered. */
  deliveryDelayMs: number
  /** Share of sends (0 to 1) the recipient answers with `replyText`. */
  replyRate: number
  replyText: string
  /** Milliseconds between delivery and the simulated reply. */
  replyDelayMs: number
  /** Lets the carrier and its Phones page work in production, for demos. */
  demoMode: boolean
}

function numberIn(value: unknown, fallback: number, min: number, max: number) {
  const parsed = typeof value === 'number' ? value : Number.parseFloat(String(value ?? ''))
  return Number.isFinite(parsed) ? Math.min(Math.max(parsed, min), max) : fallback
}

export function fakeCarrierSettings(settings: Record<string, unknown>): FakeCarrierSettings {
  return {
    deliveryDelayMs: numberIn(settings.deliveryDelayMs, 1000, 0, 600_000),
    replyRate: numberIn(settings.replyRate, 0, 0, 1),
    replyText:
      typeof settings.replyText === 'string' && settings.replyText.trim()
        ? settings.replyText
        : 'Thanks, got it!',
    replyDelayMs: numberIn(settings.replyDelayMs, 2000, 0, 600_000),
    demoMode: [true, 'true', '1', 'on', 'yes'].includes(settings.demoMode as string | boolean),
  }
}
