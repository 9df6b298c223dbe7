import vine from '@vinejs/vine'
import { EVENT_TYPES } from '#services/outbound_webhooks/events'

const url = () =>
  vine
    .string()
    .trim()
    .maxLength(2000)
    .url({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })

const events = () => vine.array(vine.enum(EVENT_TYPES)).minLength(1).distinct()

export const createWebhookEndpointValidator = vine.create({
  url: url(),
  events: events(),
  enabled: vine.boolean().optional(),
})

export const updateWebhookEndpointValidator = vine.create({
  url: url().optional(),
  events: events().optional(),
  enabled: vine.boolean().optional(),
})
