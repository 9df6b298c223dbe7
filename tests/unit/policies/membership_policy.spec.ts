import { test } from '@japa/runner'
import { ROLES, type Role } from '#models/membership'
import { bouncerFor, membership } from './helpers.js'

/** Whether `actor` may change and may remove `target`, as a pair. */
async function decisions(actor: ReturnType<typeof membership>, target: typeof actor) {
  const policy = bouncerFor(actor).with('MembershipPolicy')
  return [await policy.allows('update', target), await policy.allows('delete', target)]
}

test.group('MembershipPolicy | managing members', () => {
  test('an owner manages every other member, other owners included', async ({ assert }) => {
    const owner = membership('owner')
    for (const role of ROLES) {
      assert.deepEqual(await decisions(owner, membership(role)), [true, true], role)
    }
  })

  test('an admin manages supervisors and texters, not admins or owners', async ({ assert }) => {
    const admin = membership('admin')
    const expected: Record<Role, boolean> = {
      texter: true,
      supervisor: true,
      admin: false,
      owner: false,
    }
    for (const role of ROLES) {
      const allowed = expected[role]
      assert.deepEqual(await decisions(admin, membership(role)), [allowed, allowed], role)
    }
  })

  test('pending and suspended members are managed like active ones', async ({ assert }) => {
    const admin = membership('admin')
    assert.deepEqual(await decisions(admin, membership('texter', 'pending')), [true, true])
    assert.deepEqual(await decisions(admin, membership('texter', 'suspended')), [true, true])
  })

  for (const role of ['supervisor', 'texter'] as const) {
    test(`a ${role} manages nobody`, async ({ assert }) => {
      const actor = membership(role)
      for (const targetRole of ROLES) {
        assert.deepEqual(await decisions(actor, membership(targetRole)), [false, false])
      }
    })
  }

  test('nobody changes or removes their own membership, not even an owner', async ({ assert }) => {
    for (const role of ROLES) {
      const actor = membership(role)
      assert.deepEqual(await decisions(actor, actor), [false, false], role)
    }
  })

  for (const status of ['pending', 'suspended'] as const) {
    test(`a ${status} owner or admin manages nobody`, async ({ assert }) => {
      for (const role of ['owner', 'admin'] as const) {
        const actor = membership(role, status)
        assert.deepEqual(await decisions(actor, membership('texter')), [false, false], role)
      }
    })
  }

  test('an admin cannot make anyone an owner', async ({ assert }) => {
    const policy = bouncerFor(membership('admin')).with('MembershipPolicy')
    const texter = membership('texter')
    assert.isTrue(await policy.allows('update', texter, 'admin'))
    assert.isFalse(await policy.allows('update', texter, 'owner'))
  })
})

test.group('MembershipPolicy | the members list', () => {
  test('only active admins and owners see it', async ({ assert }) => {
    const seen = []
    for (const status of ['active', 'pending', 'suspended'] as const) {
      for (const role of ROLES) {
        const allowed = await bouncerFor(membership(role, status))
          .with('MembershipPolicy')
          .allows('viewList')
        if (allowed) seen.push(`${status} ${role}`)
      }
    }
    assert.deepEqual(seen, ['active admin', 'active owner'])
  })
})

test.group('MembershipPolicy | who is in the organization (API)', () => {
  test('active supervisors, admins and owners may read it', async ({ assert }) => {
    const seen = []
    for (const status of ['active', 'pending', 'suspended'] as const) {
      for (const role of ROLES) {
        const allowed = await bouncerFor(membership(role, status))
          .with('MembershipPolicy')
          .allows('viewDirectory')
        if (allowed) seen.push(`${status} ${role}`)
      }
    }
    assert.deepEqual(seen, ['active supervisor', 'active admin', 'active owner'])
  })
})
