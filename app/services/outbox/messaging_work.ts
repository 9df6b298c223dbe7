import dispatcher, { type Dispatcher } from '#services/outbox/dispatcher'
import webhookProcessor from '#services/webhooks/processor'
import { sweepStalledPictures } from '#services/media/inbound_pictures'

/**
 * The background half of messaging in this process: the outbox dispatcher,
 * and with it the periodic pickup of webhook events left unprocessed and of
 * inbound pictures whose fetch was cut short.
 */
export function startMessagingWork(target: Dispatcher = dispatcher) {
  target.start([() => webhookProcessor.sweep(), () => sweepStalledPictures()])
  return target
}
