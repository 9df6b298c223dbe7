import type { ApplicationService } from '@adonisjs/core/types'

/** How long a stopping server may take before it is ended anyway. */
export const SHUTDOWN_DEADLINE_MS = 10_000

/**
 * SIGTERM in a web process: stop taking requests (new connections are
 * refused, kept-alive ones closed after their current answer), let the requests in
 * progress (a provider's webhook among them) and the texts being sent
 * finish and be recorded, then exit. Open live-update streams are ended
 * first, since the HTTP server waits for every open response; browsers
 * reconnect by themselves. Whatever is still running after the deadline
 * is cut off: a text then stays "sending" and is reconciled with the
 * provider later (Dispatcher.reconcileStale), never sent blindly again.
 */
export async function shutDownGracefully(app: ApplicationService) {
  const deadline = setTimeout(() => {
    console.error(`Porchlight did not stop within ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting.`)
    process.exit(1)
  }, SHUTDOWN_DEADLINE_MS)
  deadline.unref()

  // Keep-alive connections (a load balancer's) would go on bringing requests: each now ends with its answer.
  const { default: server } = await import('@adonisjs/core/services/server')
  server.getNodeServer()?.on('request', (_request, response) => {
    if (!response.headersSent) response.setHeader('Connection', 'close')
  })
  const { endAllStreams } = await import('#services/realtime/live_streams')
  endAllStreams()
  await app.terminate()
  clearTimeout(deadline)
  // Everything that matters is closed; an idle timer or socket must not keep the process up.
  process.exit(process.exitCode ?? 0)
}
