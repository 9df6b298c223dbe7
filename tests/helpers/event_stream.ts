import { randomUUID } from 'node:crypto'
import type { CookieBrowser } from '#tests/helpers/browser_session'

export type LiveMessage = { channel: string; payload: any }

/**
 * A real event stream (GET /__transmit/events) opened with `browser`'s
 * cookies, as the browser's Transmit client opens it.
 */
export async function openEventStream(browser: CookieBrowser) {
  const uid = randomUUID()
  const abort = new AbortController()
  const response = await fetch(`${browser.baseUrl}/__transmit/events?uid=${uid}`, {
    headers: { cookie: browser.cookieHeader, accept: 'text/event-stream' },
    redirect: 'manual',
    signal: abort.signal,
  })
  if (response.status !== 200) throw new Error(`The event stream answered ${response.status}`)
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''

  return {
    uid,
    /** Joins `channel` on this stream; the status POST /__transmit/subscribe answered. */
    async subscribe(channel: string) {
      const answer = await browser.request('POST', '/__transmit/subscribe', { uid, channel })
      return answer.status
    },
    /** The next message (pings skipped); null once the server closed the stream. */
    async next(): Promise<LiveMessage | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const event = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = event
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n')
          if (!data) continue
          const message = JSON.parse(data) as LiveMessage
          if (message.channel !== '$$transmit/ping') return message
          continue
        }
        const { done, value } = await reader.read()
        if (done) return null
        buffer += decoder.decode(value, { stream: true })
      }
    },
    close() {
      abort.abort()
    },
  }
}
