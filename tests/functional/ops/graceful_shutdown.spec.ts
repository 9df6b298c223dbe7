import { test } from '@japa/runner'
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import testUtils from '@adonisjs/core/services/test_utils'
import { queueMessage } from '#services/outbox/enqueue'
import { SHUTDOWN_DEADLINE_MS } from '#services/graceful_shutdown'
import { createMember } from '#tests/helpers/members'
import { createFakeAccount, SENDER } from '#tests/helpers/messaging'
import {
  productionOnTestDatabase,
  serverProcess,
  unusedPort,
  untilAnswering,
} from '#tests/helpers/processes'

/**
 * A provider API that takes a send and answers only when told to, so the
 * server can be stopped while that send is in flight.
 */
async function slowProvider() {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let received!: () => void
  const sendReceived = new Promise<void>((resolve) => (received = resolve))
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    request.resume()
    if (request.method === 'POST') {
      received()
      await released
    }
    response.setHeader('Content-Type', 'application/json')
    response.end(JSON.stringify({ id: 'slow-provider-1', status: 'sent' }))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, sendReceived, release, server }
}

test.group('Graceful shutdown', (group) => {
  // The server runs in a process of its own: it sees committed rows only.
  group.each.setup(() => testUtils.db().truncate())

  test('SIGTERM stops taking requests, records the send in flight, and exits 0', async ({
    assert,
    cleanup,
  }) => {
    const provider = await slowProvider()
    cleanup(() => {
      provider.server.close()
    })
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId, {
      settings: { apiBaseUrl: provider.url },
    })
    const message = await queueMessage({
      organizationId: owner.organizationId,
      providerAccountId: account.id,
      from: SENDER,
      to: '+12025550180',
      body: 'Hello',
    })

    const port = await unusedPort()
    const server = serverProcess(port, {
      ...productionOnTestDatabase(),
      DISPATCHER_IN_PROCESS: 'true',
    })
    cleanup(() => {
      server.kill('SIGKILL')
    })
    const exited = once(server, 'exit') as Promise<[number | null, string | null]>
    const health = `http://127.0.0.1:${port}/health`
    await untilAnswering(health, true, 30)
    await provider.sendReceived

    server.kill('SIGTERM')
    const deadline = new Promise<'deadline'>((resolve) =>
      setTimeout(resolve, SHUTDOWN_DEADLINE_MS, 'deadline').unref()
    )
    // New requests are turned away while the send is still waiting for its answer.
    await untilAnswering(health, false, 5)
    await message.refresh()
    assert.equal(message.status, 'sending')

    provider.release()
    const outcome = await Promise.race([exited, deadline])

    assert.notEqual(outcome, 'deadline', 'the server did not exit within the deadline')
    assert.deepEqual(outcome, [0, null])
    await message.refresh()
    assert.equal(message.status, 'sent')
    assert.equal(message.providerMessageId, 'slow-provider-1')
  }).timeout(60_000)
})
