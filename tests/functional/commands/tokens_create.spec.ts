import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { restoreCommandOutput, runCommand } from '#tests/helpers/commands'

async function issuedTokens() {
  const [{ total }] = await db.from('api_tokens').count('* as total')
  return Number(total)
}

test.group('Command | tokens:create', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.teardown(restoreCommandOutput)

  test('prints, as its last line, a token that acts as that member', async ({ client, assert }) => {
    const membership = await createMember('admin')
    const { user, organization } = membership

    const result = await runCommand('tokens:create', [
      '--email',
      user.email.toUpperCase(),
      '--org',
      organization.slug,
      '--name',
      'CRM sync',
    ])

    assert.equal(result.exitCode, 0)
    const response = await client.get('/api/v1/me').bearerToken(result.lastLine!)
    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.containSubset(response.body(), {
      user: { id: user.id },
      organization: { slug: organization.slug },
      role: 'admin',
    })
    const stored = await db.from('api_tokens').where('tokenable_id', membership.id).first()
    assert.equal(stored.name, 'CRM sync')
  })

  test('refuses {case}')
    .with([
      { case: 'an unknown email', email: 'nobody@example.org', org: null },
      { case: 'an unknown organization', email: null, org: 'no-such-org' },
      { case: 'an organization the user is not in', email: null, org: 'other' },
    ])
    .run(async ({ assert }, { email, org }) => {
      const membership = await createMember('owner')
      const other = await createMember('owner')
      const slug = org === 'other' ? other.organization.slug : org

      const result = await runCommand('tokens:create', [
        '--email',
        email ?? membership.user.email,
        '--org',
        slug ?? membership.organization.slug,
      ])

      assert.equal(result.exitCode, 1)
      assert.match(result.lines.join('\n'), /is not a member of an organization with the slug/)
      assert.equal(await issuedTokens(), 0)
    })

  test('refuses a member who is {$self}, whose tokens would not work')
    .with(['suspended', 'pending'] as const)
    .run(async ({ assert }, status) => {
      const membership = await createMember('texter', { status })

      const result = await runCommand('tokens:create', [
        '--email',
        membership.user.email,
        '--org',
        membership.organization.slug,
      ])

      assert.equal(result.exitCode, 1)
      assert.include(result.lines.join('\n'), `is ${status}`)
      assert.equal(await issuedTokens(), 0)
    })
})
