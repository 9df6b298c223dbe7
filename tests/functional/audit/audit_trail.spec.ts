import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { DateTime } from 'luxon'
import type Membership from '#models/membership'
import AuditEvent from '#models/audit_event'
import PasswordReset from '#models/password_reset'
import { hashResetToken } from '#services/auth/reset_tokens'
import { audit } from '#services/audit'
import { clock } from '#services/clock'
import { verifyChain } from '#services/audit_trail/verify'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertApiError, assertMatchesApiDoc } from '#tests/helpers/openapi'
import { inertiaPage } from '#tests/helpers/inertia'
import { asGuest, asMember } from '#tests/helpers/web'
import { restoreCommandOutput, runCommand } from '#tests/helpers/commands'

/** A few events of `admin`'s organization, an hour apart, oldest first. */
async function someEvents(admin: Membership) {
  const org = admin.organizationId
  const start = DateTime.fromISO('2026-03-01T12:00:00Z')
  const entries = [
    { action: 'contact.updated', subject: { type: 'contact', id: 7 } },
    { action: 'contact.erased', subject: { type: 'contact', id: 8 }, details: { n: 1 } },
    { action: 'invite.created', subject: { type: 'invite', id: 3 } },
    { action: 'organization.updated', userId: null },
  ]
  const events: AuditEvent[] = []
  for (const [hour, entry] of entries.entries()) {
    clock.travel(start.plus({ hours: hour }).toMillis() - clock.now().getTime())
    events.push(await audit({ organizationId: org, userId: admin.userId, ...entry }))
  }
  clock.reset()
  return events
}

async function listed(client: any, admin: Membership, qs: Record<string, unknown> = {}) {
  const response = await client
    .get('/api/v1/audit-events')
    .qs(qs)
    .bearerToken(await apiTokenFor(admin))
  response.assertStatus(200)
  assertMatchesApiDoc(response)
  return response.body().data.filter((row: { action: string }) => row.action !== 'auth.signed_in')
}

test.group('Audit trail | API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('lists events newest first in the documented shape', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const events = await someEvents(admin)

    const rows = await listed(client, admin)

    assert.deepEqual(
      rows.map((row: { id: number }) => row.id),
      events.map((event) => event.id).reverse()
    )
    assert.deepEqual(rows[2], {
      id: events[1].id,
      action: 'contact.erased',
      actor: { id: admin.userId, name: admin.user.fullName },
      subjectType: 'contact',
      subjectId: 8,
      data: { n: 1 },
      createdAt: '2026-03-01T13:00:00.000Z',
    })
    assert.isNull(rows[0].actor)
  })

  test('filters by action prefix, actor, subject and time', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const [updated, erased, invited] = await someEvents(admin)
    const ids = (rows: { id: number }[]) => rows.map((row) => row.id)

    assert.deepEqual(ids(await listed(client, admin, { action: 'contact.' })), [
      erased.id,
      updated.id,
    ])
    assert.deepEqual(ids(await listed(client, admin, { action: 'contact_' })), [])
    assert.deepEqual(ids(await listed(client, admin, { actorId: admin.userId })), [
      invited.id,
      erased.id,
      updated.id,
    ])
    assert.deepEqual(ids(await listed(client, admin, { subjectType: 'contact', subjectId: 8 })), [
      erased.id,
    ])
    assert.deepEqual(
      ids(
        await listed(client, admin, {
          since: '2026-03-01T13:00:00Z',
          until: '2026-03-01T14:00:00Z',
        })
      ),
      [invited.id, erased.id]
    )
    assert.lengthOf(await listed(client, admin, { until: '2026-03-01' }), 4)
    assert.lengthOf(await listed(client, admin, { until: '2026-02-28' }), 0)

    const bad = await client
      .get('/api/v1/audit-events')
      .qs({ since: 'yesterday' })
      .bearerToken(await apiTokenFor(admin))
    assertApiError(bad, 422)
  })

  test('never lists another organization’s events; texters are refused', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const other = await createMember('owner')
    await someEvents(other)

    assert.lengthOf(await listed(client, admin), 0)
    const texter = await createMember('texter', { organization: admin.organization })
    assertApiError(
      await client.get('/api/v1/audit-events').bearerToken(await apiTokenFor(texter)),
      403
    )
  })
})

test.group('Audit trail | page and CSV', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the page shows the filtered trail to admins', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const [, erased] = await someEvents(admin)

    const response = await asMember(
      client.get(urlFor('audit_events.index')).qs({ action: 'contact.e' }),
      admin
    )

    response.assertStatus(200)
    const page = inertiaPage(response)
    assert.equal(page.component, 'settings/audit_events')
    assert.deepEqual(
      page.props.events.map((row: { id: number }) => row.id),
      [erased.id]
    )
    assert.deepEqual(page.props.meta, { total: 1, page: 1, perPage: 50 })
    assert.deepInclude(page.props.actors, { id: admin.userId, name: admin.user.fullName })
  })

  test('texters and supervisors are refused the page and the export', async ({ client }) => {
    const owner = await createMember('owner')
    for (const role of ['texter', 'supervisor'] as const) {
      const member = await createMember(role, { organization: owner.organization })
      const page = await asMember(client.get(urlFor('audit_events.index')), member)
      page.assertStatus(403)
      const csv = await asMember(client.get(urlFor('audit_events.export')), member)
      csv.assertStatus(403)
    }
  })

  test('the CSV export is spreadsheet-safe and audited', async ({ client, assert }) => {
    const admin = await createMember('owner')
    admin.user.fullName = '=HYPERLINK("http://evil")'
    await admin.user.save()
    await audit({
      organizationId: admin.organizationId,
      userId: admin.userId,
      action: 'contact.updated',
      subject: { type: 'contact', id: 5 },
      details: { note: '+cmd' },
    })

    const response = await asMember(
      client.get(urlFor('audit_events.export')).qs({ action: 'contact.' }),
      admin
    )

    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    const lines = response.text().trim().split('\r\n')
    assert.equal(
      lines[0],
      '"id","created_at","action","actor_id","actor","subject_type","subject_id","data"'
    )
    assert.lengthOf(lines, 2)
    assert.include(lines[1], `"'=HYPERLINK(""http://evil"")"`)
    assert.include(lines[1], '"{""note"":""+cmd""}"')
    assert.isNotNull(await AuditEvent.findBy({ action: 'audit_events.exported' }))
  })
})

test.group('Audit trail | hash chain', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => restoreCommandOutput())

  test('audit:verify passes an intact trail', async ({ assert }) => {
    const admin = await createMember('admin')
    const events = await someEvents(admin)

    assert.isNull(events[0].prevHash)
    assert.equal(events[1].prevHash, events[0].hash)
    const { exitCode, lines } = await runCommand('audit:verify', [
      '--org',
      String(admin.organizationId),
    ])
    assert.equal(exitCode, 0)
    assert.include(lines.join('\n'), `organization ${admin.organizationId}: 4 events intact`)
  })

  test('audit:verify reports an edited event', async ({ assert }) => {
    const admin = await createMember('admin')
    const events = await someEvents(admin)
    await db
      .from('audit_events')
      .where('id', events[1].id)
      .update({ details: JSON.stringify({ n: 2 }) })

    const { exitCode, lines } = await runCommand('audit:verify', [])

    assert.equal(exitCode, 1)
    assert.include(
      lines.join('\n'),
      `organization ${admin.organizationId}: broken at event ${events[1].id}: the event was changed`
    )
  })

  test('a removed event breaks the link of the next, a removed last one the head', async ({
    assert,
  }) => {
    const admin = await createMember('admin')
    const events = await someEvents(admin)

    await db.from('audit_events').where('id', events[3].id).delete()
    const removedLast = await verifyChain(admin.organizationId)
    assert.match(removedLast.firstBreak!.reason, /newest events are missing/)

    await db.from('audit_events').where('id', events[1].id).delete()
    const removedMiddle = await verifyChain(admin.organizationId)
    assert.equal(removedMiddle.firstBreak!.eventId, events[2].id)
  })

  test('keeps secrets out of event data', async ({ assert }) => {
    const admin = await createMember('admin')
    const event = await audit({
      organizationId: admin.organizationId,
      userId: admin.userId,
      action: 'provider_account.updated',
      details: { credentialsGiven: ['authToken'], credentials: { authToken: 'x' }, password: 'p' },
    })
    assert.deepEqual(event.details, {
      credentialsGiven: ['authToken'],
      credentials: '[redacted]',
      password: '[redacted]',
    })
  })
})

test.group('Audit trail | concurrent writers', (group) => {
  // Concurrent writers need committed rows: no global transaction, so the test removes its own.
  let admin: Awaited<ReturnType<typeof createMember>> | undefined
  group.each.teardown(async () => {
    await admin?.organization.delete()
    await admin?.user.delete()
  })

  test('events written at the same time keep one valid chain', async ({ assert }) => {
    const member = await createMember('admin')
    admin = member
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit({
          organizationId: member.organizationId,
          userId: member.userId,
          action: 'contact.updated',
          subject: { type: 'contact', id: i + 1 },
        })
      )
    )

    const report = await verifyChain(member.organizationId)
    assert.isNull(report.firstBreak)
    assert.equal(report.events, 20)
  })
})

test.group('Audit trail | newly audited actions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const actions = async (organizationId: number) => {
    const events = await AuditEvent.query().where('organization_id', organizationId).orderBy('id')
    return events.map((event) => [event.action, event.userId, event.subjectType, event.subjectId])
  }

  test('sign-in and failed sign-in, in every organization of the account', async ({
    client,
    assert,
  }) => {
    const member = await createMember('texter')
    const elsewhere = await createMember('admin')
    const second = await createMember('owner', { organization: elsewhere.organization })
    void second
    await db.table('memberships').insert({
      organization_id: elsewhere.organizationId,
      user_id: member.userId,
      role: 'texter',
      status: 'active',
      created_at: DateTime.now().toSQL({ includeOffset: false }),
      updated_at: DateTime.now().toSQL({ includeOffset: false }),
    })
    const signIn = (password: string) =>
      asGuest(client.post(urlFor('session.store'))).form({ email: member.user.email, password })

    await signIn('wrong password')
    await signIn('password-for-tests')

    for (const organizationId of [member.organizationId, elsewhere.organizationId]) {
      assert.deepEqual(await actions(organizationId), [
        ['auth.sign_in_failed', null, 'user', member.userId],
        ['auth.signed_in', member.userId, 'user', member.userId],
      ])
    }
    const failed = await AuditEvent.findByOrFail({ action: 'auth.sign_in_failed' })
    assert.deepEqual(Object.keys(failed.details!), ['ip'])
    assert.notInclude(JSON.stringify(failed.details), 'wrong password')
  })

  test('API token created and revoked, without its secret', async ({ client, assert }) => {
    const member = await createMember('supervisor')
    const created = await asMember(client.post(urlFor('api_tokens.store')), member).form({
      name: 'CRM sync',
    })
    const secret = String(created.flashMessage('newToken'))
    const token = await db.from('api_tokens').where('tokenable_id', member.id).firstOrFail()

    await asMember(client.delete(urlFor('api_tokens.destroy', { id: token.id })), member)

    assert.deepEqual(await actions(member.organizationId), [
      ['api_token.created', member.userId, 'api_token', token.id],
      ['api_token.revoked', member.userId, 'api_token', token.id],
    ])
    const events = await AuditEvent.query().where('organization_id', member.organizationId)
    assert.notInclude(JSON.stringify(events.map((e) => e.details)), secret.slice(4))
  })

  test('password changed and reset, in every organization of the account', async ({
    client,
    assert,
  }) => {
    const member = await createMember('texter')
    const changed = await asMember(client.put(urlFor('profile.update_password')), member).form({
      currentPassword: 'password-for-tests',
      password: 'a brand new passphrase',
    })
    changed.assertStatus(302)
    const token = 'reset-token-for-the-audit-test-0123456789'
    await PasswordReset.create({
      userId: member.userId,
      tokenHash: hashResetToken(token),
      expiresAt: DateTime.now().plus({ hours: 1 }),
      usedAt: null,
    })
    await asGuest(client.post(urlFor('password_resets.update'))).form({
      token,
      password: 'another new passphrase',
    })

    assert.deepEqual(await actions(member.organizationId), [
      ['auth.password_changed', member.userId, 'user', member.userId],
      ['auth.password_reset', null, 'user', member.userId],
    ])
  })
})
