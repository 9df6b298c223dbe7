import dispatcher, { type Dispatcher } from '#services/outbox/dispatcher'
import webhookProcessor from '#services/webhooks/processor'

/**
 * The background half of messaging in this process: the outbox dispatcher,
 * and with it the periodic pickup of webhook events left unprocessed.
 */
export function startMessagingWork(target: Dispatcher = dispatcher) {
  target.start([() => webhookProcessor.sweep()])
  return target
}
