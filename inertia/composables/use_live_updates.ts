import { onMounted, onUnmounted, ref, type Ref } from 'vue'
import { router } from '@inertiajs/vue3'
import { Transmit, type Subscription } from '@adonisjs/transmit-client'

let client: Transmit | undefined

/** Per channel: how each listening component catches up on updates it may have missed. */
const catchUps = new Map<string, Set<() => void>>()

/** Updates this tab heard per channel, whether or not a component was listening. */
const heard = new Map<string, number>()

/** `heard` as it stood when the latest page visit was sent: the page's data is read after that. */
let heardAtVisit = new Map<string, number>()

/** Channels whose subscription is being deleted; it cannot be joined, only replaced. */
const deleting = new Map<string, Promise<void>>()

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
  if (client) return client
  client = new Transmit({
    baseUrl: window.location.origin,
    uidGenerator: uid,
    eventSourceFactory: (url, options) => {
      const source = new EventSource(url, options)
      source.addEventListener('message', (event) => {
        const { channel } = JSON.parse(event.data) as { channel: string }
        heard.set(channel, (heard.get(channel) ?? 0) + 1)
      })
      return source
    },
    // The server accepted a subscription: the first time, or again after the
    // stream reconnected. Updates pushed before that were never sent to this tab.
    onSubscription: (channel) => catchUps.get(channel)?.forEach((catchUp) => catchUp()),
  })
  router.on('start', ({ detail: { visit } }) => {
    const partial = visit.only.length > 0 || visit.except.length > 0
    if (!partial) heardAtVisit = new Map(heard)
  })
  return client
}

const heardSinceVisit = (channel: string) =>
  (heard.get(channel) ?? 0) !== (heardAtVisit.get(channel) ?? 0)

export type LiveUpdates<Update> = {
  /** Called with every update pushed on the channel while the component is mounted. */
  onUpdate: (update: Update) => void
  /**
   * Reloads what the page shows from the server (an Inertia partial reload).
   * Called whenever updates may have been missed: once the server accepts the
   * subscription (an update pushed between the page's data being read and
   * that moment reached nobody), after the stream reconnects, and when the
   * page joins a subscription another page kept open and an update arrived
   * while this page's data was on its way.
   */
  catchUp: () => void
}

/**
 * Listens on `channel` (channel names: app/services/realtime.ts) while the
 * component is mounted. `ready` turns true once the server accepted the
 * subscription; the page has caught up by then.
 */
export function useLiveUpdates<Update>(
  channel: string,
  { onUpdate, catchUp }: LiveUpdates<Update>
): { ready: Ref<boolean> } {
  const ready = ref(false)
  let subscription: Subscription | undefined
  let stopListening: (() => void) | undefined
  let unmounted = false

  const listeners = catchUps.get(channel) ?? new Set()
  catchUps.set(channel, listeners)

  // Unsubscribe once no component listens. Deferred: after an Inertia visit the
  // next page usually subscribes to the same channel again.
  const release = () => {
    const released = subscription
    setTimeout(() => {
      if (!released || released.handlerCount > 0 || deleting.has(channel)) return
      deleting.set(
        channel,
        released.delete().finally(() => deleting.delete(channel))
      )
    }, 2000)
  }

  onMounted(async () => {
    await deleting.get(channel)
    if (unmounted) return
    subscription = transmit().subscription(channel)
    stopListening = subscription.onMessage((update) => onUpdate(update as Update))
    listeners.add(catchUp)
    if (subscription.isCreated) {
      if (heardSinceVisit(channel)) catchUp()
    } else {
      // Resolves without throwing when refused or offline: the page keeps what it loaded.
      await subscription.create()
    }
    if (unmounted) release()
    else ready.value = subscription.isCreated
  })

  onUnmounted(() => {
    unmounted = true
    listeners.delete(catchUp)
    stopListening?.()
    release()
  })

  return { ready }
}
