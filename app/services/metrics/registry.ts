import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import db from '@adonisjs/lucid/services/db'
import type { SmsErrorClass } from '#sms/types'
import { textersOnline } from '#services/realtime/live_streams'

/**
 * What `/metrics` shows (Prometheus text format). Queue depths are counted
 * from the database when scraped, so every process reports the same
 * instance-wide figures; send latency, provider errors and texters online
 * are this process's own (sum them over processes).
 */
export const registry = new Registry()

collectDefaultMetrics({ register: registry, prefix: 'porchlight_' })

async function countWhere(table: string, status: string) {
  const row = await db.from(table).where('status', status).count('* as total').first()
  return Number(row?.total ?? 0)
}

new Gauge({
  name: 'porchlight_outbox_pending',
  help: 'Texts queued in the outbox, waiting to be sent',
  registers: [registry],
  async collect() {
    this.set(await countWhere('messages', 'queued'))
  },
})

new Gauge({
  name: 'porchlight_jobs_pending',
  help: 'Background jobs queued and not yet started, by kind',
  labelNames: ['kind'],
  registers: [registry],
  async collect() {
    for (const kind of ['imports', 'exports']) {
      this.set({ kind }, await countWhere(kind, 'queued'))
    }
  },
})

new Gauge({
  name: 'porchlight_webhook_events_pending',
  help: 'Provider webhook events stored but not yet processed',
  registers: [registry],
  async collect() {
    this.set(await countWhere('webhook_events', 'pending'))
  },
})

new Gauge({
  name: 'porchlight_texters_online',
  help: 'Members with a live-update stream open on this process',
  registers: [registry],
  collect() {
    this.set(textersOnline())
  },
})

const sendDuration = new Histogram({
  name: 'porchlight_send_duration_seconds',
  help: "Time a provider took to accept or refuse a text, by outcome ('sent' or the error class)",
  labelNames: ['outcome'],
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
})

const providerErrors = new Counter({
  name: 'porchlight_provider_errors_total',
  help: 'Sends a provider refused or that failed to reach it, by error class',
  labelNames: ['class'],
  registers: [registry],
})

const webhookDuration = new Histogram({
  name: 'porchlight_webhook_duration_seconds',
  help: 'Time to verify and store a provider webhook before answering it',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
})

/** Called where the dispatcher finishes a send; `startedAt` from performance.now(). */
export function recordSendOutcome(startedAt: number, errorClass: SmsErrorClass | null) {
  const seconds = (performance.now() - startedAt) / 1000
  sendDuration.observe({ outcome: errorClass ?? 'sent' }, seconds)
  if (errorClass) providerErrors.inc({ class: errorClass })
}

/** Called once a webhook is verified and stored (or refused). */
export function recordWebhookHandled(startedAt: number) {
  webhookDuration.observe((performance.now() - startedAt) / 1000)
}
