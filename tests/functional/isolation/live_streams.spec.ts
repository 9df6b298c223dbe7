import { redisKey } from '#services/db/redis_keys'
import { test } from '@japa/runner'
import { Redis } from 'ioredis'
import env from '#start/env'
import transmit from '@adonisjs/transmit/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import Membership from '#models/membership'
import { createMember } from '#tests/helpers/members'
import { CookieBrowser, useSessionStore } from '#tests/helpers/browser_session'
import { openEventStream } from '#tests/helpers/event_stream'
import { memberChannel, organizationChannel, pushToOrganization } from '#services/realtime/updates'
import { listeningForChanges } from '#services/realtime/live_streams'

const PASSWORD = 'password-for-tests'

async function signedIn(email: string) {
  const browser = new CookieBrowser()
  await browser.signIn(email, PASSWORD)
  return browser
}

/** A reply as the organization's supervisors hear it: a phone number and a body. */
function pushReply(organizationId: number, body: string, userIds: number[] = []) {
  pushToOrganization(organizationId, {
    type: 'message.received',
    userIds,
    message: {
      id: 1,
      contactId: 1,
      campaignContactId: null,
      from: '+12025550123',
      to: '+12025550100',
      body,
      intent: null,
      createdAt: new Date().toISOString(),
    },
  })
}

/** An owner and a supervisor of one organization, both signed in; the supervisor's stream hears the organization. */
async function supervisorListening() {
  const owner = await createMember('owner')
  const supervisor = await createMember('supervisor', { organization: owner.organization })
  const ownerBrowser = await signedIn(owner.user.email)
  const supervisorBrowser = await signedIn(supervisor.user.email)
  const stream = await openEventStream(supervisorBrowser)
  const org = owner.organizationId
  if ((await stream.subscribe(organizationChannel(org))) !== 204) throw new Error('not subscribed')
  if ((await stream.subscribe(memberChannel(org, supervisor.userId))) !== 204) {
    throw new Error('not subscribed')
  }
  pushReply(org, 'before')
  const first = await stream.next()
  if (first?.payload.message.body !== 'before') throw new Error('the stream did not hear it')
  return { owner, supervisor, ownerBrowser, supervisorBrowser, stream, org }
}

/** Resolves once `condition()` holds (checked every few milliseconds). */
async function eventually(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5))
}

test.group('Isolation | open live streams after access changes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => useSessionStore('database'))

  test('a removed supervisor’s stream closes and hears nothing more', async ({ assert }) => {
    const { supervisor, ownerBrowser, stream, org } = await supervisorListening()

    await ownerBrowser.submit('DELETE', `/members/${supervisor.id}`)
    pushReply(org, 'after the removal')

    assert.isNull(await stream.next())
  })

  test('a suspended supervisor’s stream closes', async ({ assert }) => {
    const { supervisor, ownerBrowser, stream, org } = await supervisorListening()

    await ownerBrowser.submit('PUT', `/members/${supervisor.id}/status`, { status: 'suspended' })
    pushReply(org, 'after the suspension')

    assert.isNull(await stream.next())
  })

  test('signing out closes the stream', async ({ assert }) => {
    const { supervisorBrowser, stream, org } = await supervisorListening()

    await supervisorBrowser.submit('POST', '/logout')
    pushReply(org, 'after signing out')

    assert.isNull(await stream.next())
  })

  test('a supervisor demoted to texter keeps their own channel only', async ({ assert }) => {
    const { supervisor, ownerBrowser, stream, org } = await supervisorListening()

    await ownerBrowser.submit('PUT', `/members/${supervisor.id}`, { role: 'texter' })
    // Pushed on the organization's channel, then on the member's own.
    pushReply(org, 'for supervisors and the texter', [supervisor.userId])

    const next = await stream.next()
    assert.equal(next?.channel, memberChannel(org, supervisor.userId))
    assert.equal(next?.payload.message.body, 'for supervisors and the texter')
    stream.close()
  })

  test('joining a channel again after the change is refused', async ({ assert }) => {
    const { supervisor, ownerBrowser, stream, org } = await supervisorListening()

    await ownerBrowser.submit('PUT', `/members/${supervisor.id}`, { role: 'texter' })

    assert.equal(await stream.subscribe(organizationChannel(org)), 400)
    stream.close()
  })
})

test.group('Isolation | open live streams across processes (Redis)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => useSessionStore('database'))
  group.each.setup(() => {
    const before = process.env.REDIS_HOST
    env.set('REDIS_HOST', '127.0.0.1')
    return () => {
      // env.set writes process.env too, where undefined would become the host "undefined"
      // that every child process started later (workers, servers, commands) would dial.
      env.set('REDIS_HOST', before as string)
      if (before === undefined) delete process.env.REDIS_HOST
    }
  })
  let otherProcess: Redis
  group.each.setup(() => {
    otherProcess = new Redis({ host: '127.0.0.1', port: 6379 })
    return async () => {
      await otherProcess.quit()
    }
  })

  test('a demotion announced by another process reaches the stream held here', async ({
    assert,
  }) => {
    const { supervisor, stream, org } = await supervisorListening()
    await listeningForChanges()

    // Another process changes the role in the shared database and announces it.
    await Membership.query().where('id', supervisor.id).update({ role: 'texter' })
    await otherProcess.publish(
      redisKey('access-changed'),
      JSON.stringify({ userId: supervisor.userId })
    )
    await eventually(
      () => !transmit.getSubscribersFor(organizationChannel(org)).includes(stream.uid)
    )
    pushReply(org, 'for supervisors and the texter', [supervisor.userId])

    const next = await stream.next()
    assert.equal(next?.channel, memberChannel(org, supervisor.userId))
    stream.close()
  })

  test('a suspension here is announced to the other processes', async ({ assert }) => {
    const owner = await createMember('owner')
    const member = await createMember('texter', { organization: owner.organization })
    const ownerBrowser = await signedIn(owner.user.email)
    const heard = new Promise<string>((resolve) => {
      otherProcess.on('message', (_channel, message) => resolve(message))
    })
    await otherProcess.subscribe(redisKey('access-changed'))

    const response = await ownerBrowser.submit('PUT', `/members/${member.id}/status`, {
      status: 'suspended',
    })

    // A refused or failed change announces nothing: say so rather than wait for the timeout.
    assert.equal(response.status, 302)
    assert.deepEqual(JSON.parse(await heard), { userId: member.userId })
  })
})
