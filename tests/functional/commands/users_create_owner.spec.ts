import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import Organization from '#models/organization'
import Membership from '#models/membership'
import { createMember } from '#tests/helpers/members'
import { restoreCommandOutput, runCommand } from '#tests/helpers/commands'

type OwnerFlags = { email?: string; password?: string; org?: string; name?: string }

function owner(overrides: OwnerFlags = {}) {
  const flags = {
    email: 'Rosa@Example.org',
    password: 'first-password-1',
    org: 'Eastside Tenants',
    ...overrides,
  }
  return Object.entries(flags).flatMap(([flag, value]) => (value ? [`--${flag}`, value] : []))
}

async function ownedOrganizations(email: string) {
  return Organization.query().whereHas('memberships', (memberships) =>
    memberships.where('role', 'owner').whereHas('user', (users) => users.where('email', email))
  )
}

test.group('Command | users:create-owner', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.teardown(restoreCommandOutput)

  test('creates the user, the organization and the ownership, and prints the slug', async ({
    assert,
  }) => {
    const result = await runCommand('users:create-owner', owner({ name: 'Rosa Parks' }))

    assert.equal(result.exitCode, 0)
    const [organization, ...others] = await ownedOrganizations('rosa@example.org')
    assert.lengthOf(others, 0)
    assert.equal(organization.name, 'Eastside Tenants')
    assert.equal(result.lastLine, organization.slug)
    const user = await User.verifyCredentials('rosa@example.org', 'first-password-1')
    assert.equal(user.fullName, 'Rosa Parks')
    const membership = await Membership.findByOrFail({ userId: user.id })
    assert.equal(membership.status, 'active')
  })

  test('running it again changes the password and makes no second organization', async ({
    assert,
  }) => {
    const first = await runCommand('users:create-owner', owner())
    const again = await runCommand('users:create-owner', owner({ password: 'second-password-2' }))

    assert.equal(again.exitCode, 0)
    assert.equal(again.lastLine, first.lastLine)
    assert.lengthOf(await ownedOrganizations('rosa@example.org'), 1)
    assert.lengthOf(await User.query().where('email', 'rosa@example.org'), 1)
    await User.verifyCredentials('rosa@example.org', 'second-password-2')
    await assert.rejects(() => User.verifyCredentials('rosa@example.org', 'first-password-1'))
  })

  test('makes an existing member of that organization its owner', async ({ assert }) => {
    const admin = await createMember('admin')

    const result = await runCommand(
      'users:create-owner',
      owner({ email: admin.user.email, org: admin.organization.name })
    )

    assert.equal(result.exitCode, 0)
    assert.equal(result.lastLine, admin.organization.slug)
    await admin.refresh()
    assert.equal(admin.role, 'owner')
  })

  test('refuses {case} and says why')
    .with([
      { case: 'an invalid email', flags: { email: 'not-an-email' }, says: /email/i },
      { case: 'a short password', flags: { password: 'short' }, says: /10 characters/ },
    ])
    .run(async ({ assert }, { flags, says }) => {
      const result = await runCommand('users:create-owner', owner(flags))

      assert.equal(result.exitCode, 1)
      assert.match(result.lines.join('\n'), says)
      assert.lengthOf(await User.all(), 0)
      assert.lengthOf(await Organization.all(), 0)
    })
})
