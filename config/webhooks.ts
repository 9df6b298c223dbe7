import env from '#start/env'

/**
 * Outbound webhooks (docs/integrations.md). The values are read on every
 * use, so tests can change them.
 */
const webhooksConfig = {
  /**
   * Whether endpoints may resolve to loopback, private, link-local or
   * metadata addresses. Off by default: a webhook URL must not become a way
   * to reach the server's own network.
   */
  allowPrivateTargets: env.get('WEBHOOKS_ALLOW_PRIVATE', false),
  /** The web process delivers webhooks itself (alongside `node ace webhooks:deliver` workers). */
  inProcess: env.get('DISPATCHER_IN_PROCESS', true),
  /** Requests in flight at once per worker. */
  concurrency: 50,
  /** Deliveries claimed per round trip to the database. */
  batchSize: 200,
  /** How often an idle worker looks for work it was not woken for. */
  pollIntervalMs: 250,
  /** An endpoint gets this long to answer. */
  timeoutMs: 10_000,
  /** A delivery claimed longer ago than this lost its worker and is tried again. */
  leaseSeconds: 60,
  /** First retry after this many seconds; each next one waits `backoffFactor` times longer. */
  firstRetrySeconds: 10,
  backoffFactor: 3,
  backoffMaxSeconds: 4 * 3600,
  /** Retries go on for this long after the event; an endpoint failing this long is disabled. */
  retryForHours: 24,
  /** How much of an endpoint's answer the delivery log keeps. */
  responseBytes: 1024,
}

export default webhooksConfig
