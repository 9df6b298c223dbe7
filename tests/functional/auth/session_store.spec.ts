import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { DatabaseSessionStore } from '#services/auth/sessions/database_store'

/** A store as one request sees it, at the time `clock.now` says. */
function storeAt(clock: { now: Date }) {
  return new DatabaseSessionStore(db.connection(), {
    age: 3600,
    userKey: 'auth_web',
    client: { ipAddress: '203.0.113.9', userAgent: 'Test' },
    now: () => clock.now,
  })
}

test.group('Session store | database', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a session expires an hour after its last request, and is swept', async ({ assert }) => {
    const user = await UserFactory.create()
    const clock = { now: new Date('2026-03-01T12:00:00') }
    await storeAt(clock).write('s1', { auth_web: user.id })

    clock.now = new Date(clock.now.getTime() + 30 * 60_000)
    assert.deepEqual(await storeAt(clock).read('s1'), { auth_web: user.id })
    // Seen again half an hour later: it now lasts until 13:30.
    await storeAt(clock).touch('s1')

    clock.now = new Date('2026-03-01T13:20:00')
    assert.isNotNull(await storeAt(clock).read('s1'))
    assert.lengthOf(await storeAt(clock).list(user.id), 1)

    clock.now = new Date('2026-03-01T13:31:00')
    assert.isNull(await storeAt(clock).read('s1'))
    assert.lengthOf(await storeAt(clock).list(user.id), 0)
    assert.equal(await storeAt(clock).sweep(), 1)
    assert.lengthOf(await db.from('sessions').where('id', 's1'), 0)
  })

  test('a request that read a session cannot bring it back once ended', async ({ assert }) => {
    const user = await UserFactory.create()
    const clock = { now: new Date('2026-03-01T12:00:00') }
    await storeAt(clock).write('s1', { auth_web: user.id })
    const inFlight = storeAt(clock)
    await inFlight.read('s1')

    await storeAt(clock).destroy('s1')
    await inFlight.write('s1', { auth_web: user.id, __flash__: { success: 'Saved.' } })

    assert.isNull(await storeAt(clock).read('s1'))
  })

  test('the owner follows the signed-in user in the session data', async ({ assert }) => {
    const user = await UserFactory.create()
    const clock = { now: new Date(Date.now()) }
    await storeAt(clock).write('s1', { 'csrf-secret': 'x' })
    assert.lengthOf(await storeAt(clock).list(user.id), 0)

    const signingIn = storeAt(clock)
    await signingIn.read('s1')
    await signingIn.write('s1', { 'csrf-secret': 'x', 'auth_web': user.id })
    const [session] = await storeAt(clock).list(user.id)
    assert.containSubset(session, { id: 's1', userId: user.id, ipAddress: '203.0.113.9' })

    await storeAt(clock).write('s1', { 'csrf-secret': 'x' })
    assert.lengthOf(await storeAt(clock).list(user.id), 0)
  })
})
