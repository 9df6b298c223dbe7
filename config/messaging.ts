import env from '#start/env'

/**
 * The outbox dispatcher and webhook processing. Rates are texts per second
 * and hold across every dispatcher process together: pacing slots are shared
 * through Redis (REDIS_HOST) or the database (app/services/outbox/pacer.ts).
 */
const messagingConfig = {
  dispatcher: {
    /**
     * The web process drains the outbox itself unless this is off (run
     * `node ace messages:dispatch` workers instead when scaling out).
     */
    inProcess: env.get('DISPATCHER_IN_PROCESS', true),
    /** Provider calls in flight at once. */
    concurrency: 50,
    /** Rows claimed per round trip to the database. */
    batchSize: 100,
    /** How often an idle dispatcher looks for work it was not woken for. */
    pollIntervalMs: 500,
    /** Default pace per sender number, when the provider account sets none. */
    perSenderPerSecond: 10,
    /** Default pace per campaign. */
    perCampaignPerSecond: 50,
    /** A claimed row waits at most this long for its pacing slot, else it goes back to the queue. */
    maxPacingWaitMs: 2000,
    /** Transient failures retry this many times in all, waiting 2^n × base (capped). */
    maxAttempts: 5,
    backoffBaseSeconds: 10,
    backoffMaxSeconds: 3600,
    /** A row still "sending" after this long belonged to a dispatcher that died. */
    claimTimeoutSeconds: 300,
    /** How often stale claims and unprocessed webhooks are looked for. */
    sweepIntervalMs: 30_000,
  },
  webhooks: {
    /** A stored event not processed after this long is picked up again by the sweep. */
    retryAfterSeconds: 15,
    /** …until it is this old; then it is marked failed for an admin to look at. */
    giveUpAfterSeconds: 3600,
  },
}

export default messagingConfig
