import { RuntimeException } from '@adonisjs/core/exceptions'
import type { IntegrationPluginContract } from '#integrations/contract'

/** Imports one integration plugin's module (built-in folder or npm package). */
export type IntegrationPluginSource = () => Promise<{ default: unknown }>

export interface IntegrationsConfig {
  /** Every integration this installation offers, by the id its manifest declares. */
  plugins: Record<string, IntegrationPluginSource>
}

const PLUGIN_ID = /^[a-z][a-z0-9_-]{1,39}$/

/** Checks a loaded module is the plugin config/integrations.ts says it is. */
export function assertIntegrationPlugin(id: string, candidate: unknown) {
  const plugin = candidate as Partial<IntegrationPluginContract> | undefined
  if (!plugin?.manifest || typeof plugin.createClient !== 'function') {
    throw new RuntimeException(
      `The integration plugin "${id}" must default-export { manifest, createClient }`
    )
  }
  if (plugin.manifest.id !== id) {
    throw new RuntimeException(
      `The integration plugin listed as "${id}" declares the id "${plugin.manifest.id}"`
    )
  }
  return plugin as IntegrationPluginContract
}

/** Declares the integrations an installation offers; fails fast on malformed ids. */
export function defineConfig(config: IntegrationsConfig): IntegrationsConfig {
  for (const [id, source] of Object.entries(config.plugins)) {
    if (!PLUGIN_ID.test(id) || typeof source !== 'function') {
      throw new RuntimeException(
        `Invalid integration plugin "${id}" in config/integrations.ts: a lowercase id and () => import('…')`
      )
    }
  }
  return config
}
