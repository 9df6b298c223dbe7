import dispatcher, { type Dispatcher } from '#services/dispatcher'
import webhookProcessor from '#services/webhook_processor'

/**
 * The background half of messaging in this process: the outbox dispatcher,
 * and with it the periodic pickup of webhook events left unprocessed.
 */
export function startMessagingWork(target: Dispatcher = dispatcher) {
  target.start([() => webhookProcessor.sweep()])
  return target
}
