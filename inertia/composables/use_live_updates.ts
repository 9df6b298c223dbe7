import { onMounted, onUnmounted, ref, type Ref } from 'vue'
import { Transmit, type Subscription } from '@adonisjs/transmit-client'

let client: Transmit | undefined

/**
 * Random client id. `crypto.randomUUID()` (the client's default) exists only
 * on HTTPS pages, and self-hosted instances are often reached over plain HTTP
 * on a local network.
 */
function uid() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0')
  ).join('')
}

/** One event stream per browser tab, shared by every page and component that listens. */
function transmit() {
  client ??= new Transmit({ baseUrl: window.location.origin, uidGenerator: uid })
  return client
}

/**
 * Calls `handler` with every update pushed on `channel` while the component
 * is mounted (channel names: app/services/realtime.ts). `ready` turns true
 * once the server accepted the subscription; an update pushed before then is
 * not delivered, so pages still load current data from the server.
 */
export function useLiveUpdates<Update>(
  channel: string,
  handler: (update: Update) => void
): { ready: Ref<boolean> } {
  const ready = ref(false)
  let subscription: Subscription | undefined
  let stopListening: (() => void) | undefined
  let unmounted = false

  // Unsubscribe once no component listens. Deferred: after an Inertia visit the
  // next page usually subscribes to the same channel again, and would otherwise
  // join a subscription that is being deleted.
  const release = () => {
    const released = subscription
    setTimeout(() => {
      if (released && released.handlerCount === 0) void released.delete()
    }, 2000)
  }

  onMounted(async () => {
    subscription = transmit().subscription(channel)
    stopListening = subscription.onMessage((update) => handler(update as Update))
    // Resolves without throwing when refused or offline: the page keeps what it loaded.
    await subscription.create()
    if (unmounted) release()
    else ready.value = subscription.isCreated
  })

  onUnmounted(() => {
    unmounted = true
    stopListening?.()
    release()
  })

  return { ready }
}
