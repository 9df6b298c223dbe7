import transmit from '@adonisjs/transmit/services/main'

type Broadcast = { channel: string; payload: any }

/**
 * Records what the app pushes over Transmit instead of sending it, until
 * `restore()`.
 */
export function recordBroadcasts() {
  const sent: Broadcast[] = []
  const original = transmit.broadcast
  transmit.broadcast = ((channel: string, payload: unknown) => {
    sent.push({ channel, payload })
  }) as typeof transmit.broadcast
  return {
    sent,
    /** The payloads pushed on `channel`. */
    on: (channel: string) =>
      sent.filter((item) => item.channel === channel).map((item) => item.payload),
    restore: () => {
      transmit.broadcast = original
    },
  }
}
