import integrations from '#services/integrations/plugins'
import { integrationConformanceSuite } from '#tests/plugins/integrations/conformance'
import type { IntegrationKit } from '#tests/plugins/integrations/kit'

/**
 * Every integration registered in config/integrations.ts runs the same
 * suite with its kit from tests/fixtures/integrations/<id>_kit.ts.
 */
for (const id of integrations.ids()) {
  let kit: IntegrationKit
  try {
    const module = await import(`#tests/fixtures/integrations/${id}_kit`)
    kit = module.default
  } catch (error) {
    throw new Error(
      `The integration "${id}" has no conformance kit: add tests/fixtures/integrations/${id}_kit.ts`,
      { cause: error }
    )
  }
  integrationConformanceSuite(id, kit)
}
