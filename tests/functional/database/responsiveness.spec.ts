import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import ContactList from '#models/contact_list'
import Segment from '#models/segment'
import type Membership from '#models/membership'
import { dialectOf } from '#services/db/sql'
import { configureReadPool, readPoolSettings } from '#services/db/read_pool'
import { createMember, apiTokenFor } from '#tests/helpers/members'
import { createDraft } from '#tests/helpers/campaigns'
import { asMember } from '#tests/helpers/web'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { inertiaPage } from '#tests/helpers/inertia'
import { countSegment } from '#services/segments/audience'
import { SLOW_DEFINITION, removeOrganization, seedManyContacts } from '#tests/helpers/heavy_reads'
import { urlFor } from '@adonisjs/core/services/url_builder'

/**
 * Generous: the aim is an answer within 100 ms, and one usually comes within
 * 50 ms, but a small machine shared with other work can stall any process for
 * most of a second. A server that waits for the database takes seconds.
 */
const ANSWER_WITHIN_MS = 2000
/**
 * Sized so that one count of SLOW_DEFINITION takes one to three seconds on
 * a small machine: MariaDB reads JSON about thirty times slower than SQLite.
 */
const SEEDED_CONTACTS = { sqlite: 60_000, mysql: 2_000 }
const defaults = { ...readPoolSettings }

/**
 * Asks `path` again and again until `running()` turns false: each answer's
 * status, body and time in milliseconds.
 */
async function askWhile(client: ApiClient, path: string, running: () => boolean) {
  const answers: { status: number; body: any; ms: number }[] = []
  do {
    const started = performance.now()
    const response = await client.get(path)
    answers.push({
      status: response.status(),
      body: response.body(),
      ms: performance.now() - started,
    })
    await sleep(20)
  } while (running())
  return answers
}

/** /health and a static file, asked side by side while `running()` holds. */
async function healthAndStaticWhile(client: ApiClient, running: () => boolean) {
  const [health, file] = await Promise.all([
    askWhile(client, urlFor('health.show'), running),
    askWhile(client, '/favicon.svg', running),
  ])
  return { health, file, slowestMs: Math.max(...[...health, ...file].map((answer) => answer.ms)) }
}

/**
 * Another process holding the database's write lock until released: a
 * write transaction through better-sqlite3 on SQLite, a table lock on MySQL.
 */
async function holdWriteLock() {
  const sqlite = dialectOf(db.connection()) === 'sqlite'
  const script = sqlite
    ? `const db = new (require('better-sqlite3'))(process.argv[1])
       db.exec('BEGIN IMMEDIATE')
       process.stdout.write('locked\\n')
       process.stdin.once('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0) })`
    : `require('mysql2/promise').createConnection(JSON.parse(process.argv[1])).then(async (c) => {
         await c.query('LOCK TABLES contact_lists WRITE')
         process.stdout.write('locked\\n')
         process.stdin.once('data', async () => { await c.query('UNLOCK TABLES'); await c.end(); process.exit(0) })
       })`
  const target = sqlite
    ? app.config.get<string>('database.connections.sqlite.connection.filename')
    : JSON.stringify(app.config.get('database.connections.mysql.connection'))
  const child = spawn(process.execPath, ['-e', script, target], {
    cwd: app.appRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  await once(child.stdout!, 'data')
  return {
    async release() {
      child.stdin!.write('go\n')
      await once(child, 'exit')
    },
  }
}

test.group('Database | the server answers while the database works hard', (group) => {
  let owner: Membership
  let slowSegment: Segment
  group.setup(async () => {
    owner = await createMember('owner')
    await seedManyContacts(owner.organizationId, SEEDED_CONTACTS[dialectOf(db.connection())])
    // Saved as it was before the count came first; saving it now is refused (see below).
    slowSegment = await Segment.create({
      organizationId: owner.organizationId,
      name: 'Slow',
      definition: SLOW_DEFINITION as any,
    })
    return () => removeOrganization(owner)
  })
  group.each.teardown(() => configureReadPool(defaults))

  test('health and a static file answer while slow segment counts run', async ({
    client,
    assert,
  }) => {
    // Long enough for every count to finish, even on a machine busy with other work.
    await configureReadPool({ timeLimitMs: 120_000, waitLimitMs: 120_000 })
    const token = await apiTokenFor(owner)
    // What is measured is answering while counts run, not loading each route's code or
    // starting the reader processes (once, until they idle a minute) the first time.
    await client.get(urlFor('health.show'))
    await client.get('/favicon.svg')
    await client.get('/api/v1/segments').bearerToken(token)
    await Promise.all([1, 2].map(() => countSegment(owner.organizationId, { all: [] })))
    let running = true
    const counts = Promise.all(
      [1, 2, 3].map(async () => {
        const started = performance.now()
        const response = await client.get(`/api/v1/segments/${slowSegment.id}`).bearerToken(token)
        return { response, ms: performance.now() - started }
      })
    ).finally(() => (running = false))

    const { health, file, slowestMs } = await healthAndStaticWhile(client, () => running)

    const answered = await counts
    for (const { response } of answered) {
      response.assertStatus(200)
      assert.equal(response.body().count, 0)
    }
    // Answered again and again while the counts ran: a server held up by a count would make
    // one of them wait about as long as that count takes.
    const quickestCountMs = Math.min(...answered.map((count) => count.ms))
    const figures = `slowest answer ${Math.round(slowestMs)} ms, quickest count ${Math.round(quickestCountMs)} ms`
    assert.isAbove(health.length, 5, figures)
    assert.isAbove(file.length, 5, figures)
    assert.isBelow(slowestMs, quickestCountMs / 2, figures)
    assert.isBelow(slowestMs, ANSWER_WITHIN_MS, figures)
    for (const answer of health) {
      assert.equal(answer.status, 200)
      assert.equal(answer.body.status, 'ok')
    }
  }).timeout(120_000)

  test('a filter too slow to count is stopped at the time limit and answered "too slow"', async ({
    client,
    assert,
  }) => {
    await configureReadPool({ timeLimitMs: 100, waitLimitMs: 30_000 })
    const token = await apiTokenFor(owner)
    const tooSlow = {
      rule: 'too_slow',
      message:
        'This filter is too slow: it was stopped after 1 s. Narrow it (fewer conditions, or ones that rule out more contacts) and try again.',
    }

    const shown = await client.get(`/api/v1/segments/${slowSegment.id}`).bearerToken(token)
    shown.assertStatus(422)
    assertMatchesApiDoc(shown)
    assert.deepEqual(shown.body(), { errors: [tooSlow] })

    const saved = await client
      .post('/api/v1/segments')
      .bearerToken(token)
      .json({ name: 'Also slow', definition: SLOW_DEFINITION })
    saved.assertStatus(422)
    assertMatchesApiDoc(saved)
    assert.deepEqual(saved.body(), { errors: [tooSlow] })
    assert.isNull(await Segment.findBy({ organizationId: owner.organizationId, name: 'Also slow' }))

    // The builder's live count (a script posting JSON, as the page's does, without Accept).
    await owner.load('user')
    const previewed = await asMember(client.post(urlFor('segments.preview')), owner).json({
      definition: SLOW_DEFINITION,
    })
    previewed.assertStatus(422)
    assert.deepEqual(previewed.body(), { errors: [tooSlow] })
    // Saving it from the builder's form (an Inertia visit) goes back with the reason.
    const stored = await asMember(client.post(urlFor('segments.store')), owner)
      .header('x-inertia', 'true')
      .json({
        name: 'Also slow',
        definition: SLOW_DEFINITION,
      })
    stored.assertStatus(302)
    stored.assertFlashMessage('error', tooSlow.message)
    assert.isNull(await Segment.findBy({ organizationId: owner.organizationId, name: 'Also slow' }))

    // A campaign whose audience is that segment cannot launch, and says why.
    const campaign = await createDraft(owner, { audience: { segmentId: slowSegment.id } })
    const launched = await client.post(`/api/v1/campaigns/${campaign.id}/launch`).bearerToken(token)
    launched.assertStatus(422)
    assert.containSubset(launched.body().errors, [{ field: 'audience', rule: 'audience_too_slow' }])
  }).timeout(120_000)

  test('a contact search too slow to answer gets a page saying so, and 422 through the API', async ({
    client,
    assert,
    cleanup,
  }) => {
    const member = await createMember('owner')
    cleanup(() => removeOrganization(member))
    // Sorting 30,000 Anns by newest takes a good many milliseconds; the limit here is one.
    await seedManyContacts(member.organizationId, 30_000, { customFields: 0 })
    await configureReadPool({ timeLimitMs: 1, waitLimitMs: 30_000 })
    const message =
      'This filter is too slow: it was stopped after 1 s. Narrow it (fewer conditions, or ones that rule out more contacts) and try again.'

    const searched = await asMember(
      client.get(urlFor('contacts.index', {}, { qs: { search: 'ann' } })),
      member
    )
    searched.assertStatus(422)
    assert.equal(inertiaPage(searched).component, 'errors/too_slow')
    assert.equal(inertiaPage(searched).props.message, message)

    const listed = await client
      .get('/api/v1/contacts?search=ann')
      .bearerToken(await apiTokenFor(member))
    listed.assertStatus(422)
    assertMatchesApiDoc(listed)
    assert.deepEqual(listed.body(), { errors: [{ message, rule: 'too_slow' }] })
  }).timeout(120_000)

  test('health and a static file answer while another process holds the write lock; a write waits for it', async ({
    client,
    assert,
  }) => {
    const lock = await holdWriteLock()
    let written = false
    const write = ContactList.create({
      organizationId: owner.organizationId,
      name: 'Written once the lock is gone',
    }).finally(() => (written = true))
    const lockedUntil = Date.now() + 1500

    const { health, file, slowestMs } = await healthAndStaticWhile(
      client,
      () => Date.now() < lockedUntil
    )
    const waitedForTheLock = !written
    await lock.release()
    const list = await write

    const figures = `slowest answer ${Math.round(slowestMs)} ms, ${health.length} health answers`
    assert.isTrue(waitedForTheLock)
    assert.isAbove(health.length, 1, figures)
    assert.isAbove(file.length, 1, figures)
    assert.isBelow(slowestMs, ANSWER_WITHIN_MS, figures)
    // The server's one SQLite connection is the one waiting: health says so instead of waiting too.
    const reported = new Set(health.map((answer) => `${answer.status} ${answer.body.database}`))
    assert.deepEqual(
      [...reported],
      dialectOf(db.connection()) === 'sqlite' ? ['200 busy'] : ['200 ok']
    )
    assert.exists(await ContactList.find(list.id))
  }).timeout(60_000)
})
