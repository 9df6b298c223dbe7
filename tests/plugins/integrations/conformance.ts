import { test } from '@japa/runner'
import {
  IntegrationError,
  RESULT_KINDS,
  type ImportedPerson,
  type IntegrationClientContract,
} from '#integrations/contract'
import integrations from '#services/integrations/plugins'
import type { IntegrationKit, IntegrationScenario } from '#tests/plugins/integrations/kit'

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}

/**
 * What every integration plugin must do against its CRM's stand-in:
 * declare a sound manifest, test credentials, page through an import,
 * turn 429s into waits, push each outcome it declares, and report
 * failures as the IntegrationError kinds the core acts on.
 */
export function integrationConformanceSuite(id: string, kit: IntegrationKit) {
  test.group(`Integration plugin conformance | ${id}`, (group) => {
    let scenario: IntegrationScenario
    let client: IntegrationClientContract
    let badClient: IntegrationClientContract
    group.each.setup(async () => {
      scenario = await kit.scenario()
      client = await integrations.client(scenario.config)
      badClient = await integrations.client(scenario.badConfig)
      return () => scenario.standin.close()
    })

    test('declares a manifest the core can use', async ({ assert }) => {
      const { manifest } = await integrations.plugin(id)
      assert.equal(manifest.id, id)
      assert.isNotEmpty(manifest.displayName)
      assert.isTrue(manifest.credentialFields.some((field) => field.secret))
      assert.isNotEmpty(manifest.importSources)
      for (const kind of manifest.results) assert.include(RESULT_KINDS, kind)
    })

    test('tests the connection, and refuses a wrong key as an auth failure', async ({ assert }) => {
      await client.testConnection()
      const failure = await failureOf(badClient.testConnection())
      assert.instanceOf(failure, IntegrationError)
      assert.equal((failure as IntegrationError).kind, 'auth')
      assert.notInclude((failure as Error).message, scenario.config.credentials.apiKey)
    })

    test('imports every person of a source, page by page', async ({ assert }) => {
      const people: ImportedPerson[] = []
      let cursor: string | null = null
      for (let calls = 0; calls < 20; calls++) {
        const page = await client.importPage(scenario.source, cursor, null)
        people.push(...page.people)
        cursor = page.next
        if (!cursor) break
      }
      assert.isNull(cursor)
      assert.lengthOf(people, scenario.expectedPeople)
      assert.isTrue(people.every((person) => person.externalId && person.phone))
    })

    test('answers a 429 with the wait its Retry-After asks', async ({ assert }) => {
      scenario.standin.rateLimitNext(1, '42')
      const failure = await failureOf(client.importPage(scenario.source, null, null))
      assert.instanceOf(failure, IntegrationError)
      assert.equal((failure as IntegrationError).kind, 'rate_limited')
      assert.equal((failure as IntegrationError).retryAfterMs, 42_000)
    })

    test('records every outcome it declares', async ({ assert }) => {
      const { manifest } = await integrations.plugin(id)
      for (const kind of manifest.results) {
        const result = scenario.results[kind]
        assert.exists(result, `the kit has no ${kind} result`)
        await client.pushResult(result!)
        assert.isTrue(scenario.recorded(kind), `${kind} was not recorded`)
      }
    })

    test('reports a server error as transient and unknown ids as refused', async ({ assert }) => {
      const failure = await failureOf(client.pushResult(scenario.failing))
      assert.equal((failure as IntegrationError).kind, 'transient')
      const refused = await failureOf(client.pushResult(scenario.unknownIds))
      assert.equal((refused as IntegrationError).kind, 'rejected')
    })
  })
}
