import sms from '#services/sms'
import { conformanceSuite } from '#tests/plugins/conformance'
import type { ConformanceKit } from '#tests/plugins/kit'

/**
 * Every registered plugin (built-in or listed in config/sms.ts) runs the
 * same suite with its kit from tests/fixtures/<id>/kit.ts.
 */
for (const id of sms.ids()) {
  let kit: ConformanceKit
  try {
    const module = await import(`#tests/fixtures/${id}/kit`)
    kit = module.default
  } catch (error) {
    throw new Error(
      `The SMS plugin "${id}" has no conformance kit: add tests/fixtures/${id}/kit.ts (see docs/plugins.md)`,
      { cause: error }
    )
  }
  conformanceSuite(id, kit)
}
