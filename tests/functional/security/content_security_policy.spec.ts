import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createMember } from '#tests/helpers/members'
import { asMember } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** The policy's directives by name: `{ 'script-src': ["'self'", "'nonce-…'"] }`. */
function directives(header: string | undefined) {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values])
  )
}

/** The script elements of a page, except the JSON data block Inertia reads its props from. */
function executableScripts(html: string) {
  return [...html.matchAll(/<script\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => !tag.includes('type="application/json"'))
}

test.group('Security | Content-Security-Policy', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('pages forbid inline and foreign scripts; their own scripts carry the nonce', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const nonces = new Set<string>()

    for (const response of [
      await client.get(urlFor('session.create')),
      await client.get(urlFor('session.create')),
      await asMember(client.get(urlFor('dashboard')), owner),
    ]) {
      response.assertStatus(200)
      const policy = directives(response.header('content-security-policy'))
      assert.deepEqual(policy['default-src'], ["'self'"])
      assert.deepEqual(policy['object-src'], ["'none'"])
      assert.deepEqual(policy['base-uri'], ["'self'"])
      assert.deepEqual(policy['frame-ancestors'], ["'none'"])
      assert.deepEqual(policy['script-src-attr'], ["'none'"])

      const scriptSources = policy['script-src'] as string[]
      assert.notInclude(scriptSources, "'unsafe-inline'")
      assert.notInclude(scriptSources, "'unsafe-eval'")
      const nonce = scriptSources.find((source) => source.startsWith("'nonce-"))
      assert.exists(nonce)
      assert.deepEqual(scriptSources, ["'self'", nonce])
      const value = nonce!.slice("'nonce-".length, -1)
      nonces.add(value)

      const scripts = executableScripts(response.text())
      assert.isNotEmpty(scripts)
      for (const script of scripts) assert.include(script, `nonce="${value}"`)
    }
    // A new nonce for every page.
    assert.equal(nonces.size, 3)
  })
})
