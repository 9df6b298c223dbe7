import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { createMember } from '#tests/helpers/members'
import { createConversation } from '#tests/helpers/conversations'
import { createFakeAccount, fakeInbound, FAKE_SECRET } from '#tests/helpers/messaging'
import { signedHeaders } from '#services/fake_carrier/signature'
import { removeOrganization } from '#tests/helpers/heavy_reads'
import { CookieBrowser } from '#tests/helpers/browser_session'
import { serverProcess, unusedPort } from '#tests/helpers/processes'
import { openEventStream } from '#tests/helpers/event_stream'
import { memberChannel } from '#services/realtime/updates'

const PASSWORD = 'password-for-tests'

/** A real web process on the test database, broadcasting through Redis. */
function webProcess(port: number) {
  return serverProcess(port, {
    REDIS_HOST: '127.0.0.1',
    // Sessions in Redis too, shared by both processes as in production.
    SESSION_DRIVER: 'redis',
    DISPATCHER_IN_PROCESS: 'false',
  })
}

async function ready(port: number, child: ChildProcess) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the web process on ${port} ended`)
    const answer = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null)
    if (answer?.status === 200) return
    await sleep(50)
  }
}

/**
 * Redis carries live updates between processes, and Redis runs wherever
 * these tests run (this machine and CI), so this runs every time: a texter's
 * event stream is open on web process B; the carrier's webhook with the
 * contact's reply reaches web process A, which stores it and publishes; B
 * hears it through Redis and hands it to the texter.
 */
test.group('Realtime | across web processes', () => {
  test('a reply received by one process reaches a texter connected to another', async ({
    assert,
    cleanup,
  }) => {
    const texter = await createMember('texter')
    const { contact } = await createConversation(texter)
    const account = await createFakeAccount(texter.organizationId)
    const ports = [await unusedPort(), await unusedPort()]
    const [processA, processB] = ports.map(webProcess)
    cleanup(async () => {
      for (const child of [processA, processB]) {
        if (child.exitCode === null) {
          const exited = once(child, 'exit')
          child.kill('SIGKILL')
          await exited
        }
      }
      await removeOrganization(texter)
    })
    await Promise.all([ready(ports[0], processA), ready(ports[1], processB)])

    const browser = new CookieBrowser(new Map(), `http://127.0.0.1:${ports[1]}`)
    // The sign-in form's token comes with any page of the session (these processes serve no
    // built pages: a redirect to the sign-in page carries it just as well).
    await browser.get('/account')
    const signedIn = await browser.request('POST', '/login', {
      email: texter.user.email,
      password: PASSWORD,
    })
    assert.equal(signedIn.headers.get('location'), '/texting', 'signed in')
    const stream = await openEventStream(browser)
    cleanup(() => stream.close())
    assert.equal(await stream.subscribe(memberChannel(texter.organizationId, texter.userId)), 204)

    const inbound = fakeInbound(contact.phone, 'Count me in')
    const raw = JSON.stringify(inbound)
    const posted = await fetch(`http://127.0.0.1:${ports[0]}/webhooks/fake/${account.id}/inbound`, {
      method: 'POST',
      headers: signedHeaders(FAKE_SECRET, raw),
      body: raw,
    })
    assert.isTrue(posted.ok, 'the webhook was accepted')

    const heard = await stream.next()
    assert.equal(heard?.payload.type, 'message.received')
    assert.equal(heard?.payload.message.body, 'Count me in')
    const stored = await db.from('messages').where('provider_message_id', inbound.id).firstOrFail()
    assert.equal(heard?.payload.message.id, stored.id)
  }).timeout(120_000)
})
