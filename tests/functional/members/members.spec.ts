import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import AuditEvent from '#models/audit_event'
import Membership from '#models/membership'
import User from '#models/user'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

type Member = Awaited<ReturnType<typeof createMember>>

/** A colleague of `member` in the same organization. */
function colleague(member: Member, role: Member['role'], status: Member['status'] = 'active') {
  return createMember(role, { organization: member.organization, status })
}

async function reload(membership: Membership) {
  return Membership.find(membership.id)
}

test.group('Members | page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const role of ['texter', 'supervisor'] as const) {
    test(`a ${role} cannot see the members page`, async ({ client }) => {
      const member = await createMember(role)
      const response = await asMember(client.get(urlFor('members.index')), member)
      response.assertStatus(403)
    })
  }

  test('an admin sees everyone, pending first, and whom they may manage', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const owner = await colleague(admin, 'owner')
    const otherAdmin = await colleague(admin, 'admin')
    const texter = await colleague(admin, 'texter')
    const suspended = await colleague(admin, 'supervisor', 'suspended')
    const pending = await colleague(admin, 'texter', 'pending')

    const response = await asMember(client.get(urlFor('members.index')), admin)

    response.assertStatus(200)
    const { component, props } = inertiaPage(response)
    assert.equal(component, 'members/index')
    assert.deepEqual(
      props.members.map((m: { id: number; canManage: boolean; email: string }) => [
        m.id,
        m.canManage,
      ]),
      [
        [pending.id, true],
        [admin.id, false],
        [owner.id, false],
        [otherAdmin.id, false],
        [texter.id, true],
        [suspended.id, true],
      ]
    )
    assert.equal(props.members[0].email, pending.user.email)
    assert.equal(props.members[0].status, 'pending')
  })

  test('an owner may manage everyone but themselves', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const coOwner = await colleague(owner, 'owner')
    const admin = await colleague(owner, 'admin')

    const { props } = inertiaPage(await asMember(client.get(urlFor('members.index')), owner))

    assert.deepEqual(
      props.members.map((m: { id: number; canManage: boolean }) => [m.id, m.canManage]),
      [
        [owner.id, false],
        [coOwner.id, true],
        [admin.id, true],
      ]
    )
  })

  test('members of other organizations are not listed', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const stranger = await createMember('texter')

    const response = await asMember(client.get(urlFor('members.index')), admin)

    assert.notInclude(response.text(), stranger.user.email)
  })
})

test.group('Members | roles', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin changes a texter into a supervisor, and it is audited', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const texter = await colleague(admin, 'texter')

    const response = await asMember(
      client.put(urlFor('members.update', { id: texter.id })),
      admin
    ).form({
      role: 'supervisor',
    })

    response.assertStatus(302)
    response.assertFlashMessage('success', 'Role changed.')
    assert.equal((await reload(texter))!.role, 'supervisor')
    const event = await AuditEvent.query()
      .where('organization_id', admin.organizationId)
      .where('action', 'member.updated')
      .firstOrFail()
    assert.equal(event.userId, admin.userId)
    assert.equal(event.subjectId, texter.id)
    assert.deepEqual(event.details, {
      before: { role: 'texter', status: 'active' },
      after: { role: 'supervisor', status: 'active' },
    })
  })

  test('nobody can hand out the owner role', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const admin = await colleague(owner, 'admin')

    const response = await asMember(
      client.put(urlFor('members.update', { id: admin.id })),
      owner
    ).form({
      role: 'owner',
    })

    assert.property(fieldErrors(response), 'role')
    assert.equal((await reload(admin))!.role, 'admin')
  })

  test('an admin cannot change an owner or another admin', async ({ client, assert }) => {
    const admin = await createMember('admin')
    for (const role of ['owner', 'admin'] as const) {
      const target = await colleague(admin, role)

      const response = await asMember(
        client.put(urlFor('members.update', { id: target.id })),
        admin
      ).form({
        role: 'texter',
      })

      assertFormRefused(response)
      assert.equal((await reload(target))!.role, role)
    }
  })

  for (const role of ['texter', 'supervisor'] as const) {
    test(`a ${role} cannot change anyone's role`, async ({ client, assert }) => {
      const member = await createMember(role)
      const texter = await colleague(member, 'texter')

      const response = await asMember(
        client.put(urlFor('members.update', { id: texter.id })),
        member
      ).form({
        role: 'supervisor',
      })

      assertFormRefused(response)
      assert.equal((await reload(texter))!.role, 'texter')
    })
  }

  test('an owner changes an admin, including another owner', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const admin = await colleague(owner, 'admin')
    const coOwner = await colleague(owner, 'owner')

    await asMember(client.put(urlFor('members.update', { id: admin.id })), owner).form({
      role: 'texter',
    })
    await asMember(client.put(urlFor('members.update', { id: coOwner.id })), owner).form({
      role: 'admin',
    })

    assert.equal((await reload(admin))!.role, 'texter')
    assert.equal((await reload(coOwner))!.role, 'admin')
  })

  for (const role of ['owner', 'admin'] as const) {
    test(`an ${role} cannot change their own membership`, async ({ client, assert }) => {
      const member = await createMember(role)

      const roleChange = await asMember(
        client.put(urlFor('members.update', { id: member.id })),
        member
      ).form({
        role: 'texter',
      })
      const suspension = await asMember(
        client.put(urlFor('members.update_status', { id: member.id })),
        member
      ).form({
        status: 'suspended',
      })
      const removal = await asMember(
        client.delete(urlFor('members.destroy', { id: member.id })),
        member
      )

      for (const response of [roleChange, suspension, removal]) assertFormRefused(response)
      const after = await reload(member)
      assert.equal(after?.role, role)
      assert.equal(after?.status, 'active')
    })
  }

  test('members of another organization are not found', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const stranger = await createMember('texter')

    const responses = [
      await asMember(client.put(urlFor('members.update', { id: stranger.id })), owner).form({
        role: 'admin',
      }),
      await asMember(client.put(urlFor('members.update_status', { id: stranger.id })), owner).form({
        status: 'suspended',
      }),
      await asMember(client.delete(urlFor('members.destroy', { id: stranger.id })), owner),
    ]

    for (const response of responses) response.assertStatus(404)
    const after = await reload(stranger)
    assert.equal(after?.role, 'texter')
    assert.equal(after?.status, 'active')
  })
})

test.group('Members | status', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a suspended member loses access until reactivated', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const texter = await colleague(admin, 'texter')
    const token = await apiTokenFor(texter)

    const suspend = await asMember(
      client.put(urlFor('members.update_status', { id: texter.id })),
      admin
    ).form({
      status: 'suspended',
    })
    suspend.assertFlashMessage('success', 'Member is suspended.')
    assert.equal((await reload(texter))!.status, 'suspended')

    const page = await asMember(client.get(urlFor('dashboard')), texter)
    page.assertHeader('location', '/organizations/new')
    const api = await client.get('/api/v1/me').bearerToken(token)
    api.assertStatus(401)

    const reactivate = await asMember(
      client.put(urlFor('members.update_status', { id: texter.id })),
      admin
    ).form({
      status: 'active',
    })
    reactivate.assertFlashMessage('success', 'Member is active.')
    const texting = await asMember(client.get(urlFor('texting.index')), texter)
    texting.assertStatus(200)
    const apiAgain = await client.get('/api/v1/me').bearerToken(token)
    apiAgain.assertStatus(200)
  })

  test('approving a pending member lets them in', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const pending = await colleague(admin, 'texter', 'pending')

    const waiting = await asMember(client.get(urlFor('dashboard')), pending)
    waiting.assertHeader('location', '/waiting')

    await asMember(client.put(urlFor('members.update_status', { id: pending.id })), admin).form({
      status: 'active',
    })

    assert.equal((await reload(pending))!.status, 'active')
    const texting = await asMember(client.get(urlFor('texting.index')), pending)
    texting.assertStatus(200)
  })

  test('"pending" is not a status an admin can set', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const texter = await colleague(admin, 'texter')

    const response = await asMember(
      client.put(urlFor('members.update_status', { id: texter.id })),
      admin
    ).form({
      status: 'pending',
    })

    assert.property(fieldErrors(response), 'status')
    assert.equal((await reload(texter))!.status, 'active')
  })

  test('an admin cannot suspend an owner or another admin', async ({ client, assert }) => {
    const admin = await createMember('admin')
    for (const role of ['owner', 'admin'] as const) {
      const target = await colleague(admin, role)

      const response = await asMember(
        client.put(urlFor('members.update_status', { id: target.id })),
        admin
      ).form({
        status: 'suspended',
      })

      assertFormRefused(response)
      assert.equal((await reload(target))!.status, 'active')
    }
  })
})

test.group('Members | removal', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('removing a member deletes their API tokens but keeps their account', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const texter = await colleague(admin, 'texter')
    const token = await apiTokenFor(texter)
    const adminToken = await apiTokenFor(admin)

    const response = await asMember(
      client.delete(urlFor('members.destroy', { id: texter.id })),
      admin
    )

    response.assertStatus(302)
    response.assertHeader('location', '/members')
    response.assertFlashMessage('success', 'Member removed.')
    assert.isNull(await reload(texter))
    const tokens = await db.from('api_tokens').where('tokenable_id', texter.id)
    assert.lengthOf(tokens, 0)
    assert.isNotNull(await User.find(texter.userId))
    const api = await client.get('/api/v1/me').bearerToken(token)
    api.assertStatus(401)
    const adminApi = await client.get('/api/v1/me').bearerToken(adminToken)
    adminApi.assertStatus(200)
    const audit = await AuditEvent.query().where('action', 'member.removed').firstOrFail()
    assert.equal(audit.subjectId, texter.id)
  })

  test('a removed member keeps their other organizations', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const texter = await colleague(admin, 'texter')
    const elsewhere = await createMember('texter')
    const otherMembership = await Membership.create({
      organizationId: elsewhere.organizationId,
      userId: texter.userId,
      role: 'supervisor',
      status: 'active',
    })
    const otherToken = await apiTokenFor(otherMembership)

    await asMember(client.delete(urlFor('members.destroy', { id: texter.id })), admin)

    assert.isNotNull(await reload(otherMembership))
    const api = await client.get('/api/v1/me').bearerToken(otherToken)
    api.assertStatus(200)
  })

  test('an admin cannot remove an owner or another admin', async ({ client, assert }) => {
    const admin = await createMember('admin')
    for (const role of ['owner', 'admin'] as const) {
      const target = await colleague(admin, role)

      const response = await asMember(
        client.delete(urlFor('members.destroy', { id: target.id })),
        admin
      )

      assertFormRefused(response)
      assert.isNotNull(await reload(target))
    }
  })

  test('a supervisor cannot remove a texter', async ({ client, assert }) => {
    const supervisor = await createMember('supervisor')
    const texter = await colleague(supervisor, 'texter')

    const response = await asMember(
      client.delete(urlFor('members.destroy', { id: texter.id })),
      supervisor
    )

    assertFormRefused(response)
    assert.isNotNull(await reload(texter))
  })
})
