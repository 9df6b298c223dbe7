import { RuntimeException } from '@adonisjs/core/exceptions'
import type {
  IntegrationAccountConfig,
  IntegrationClientContract,
  IntegrationManifest,
  IntegrationPluginContract,
} from '#integrations/contract'
import { assertIntegrationPlugin, type IntegrationsConfig } from '#integrations/define_config'

/**
 * Knows the integration plugins config/integrations.ts registers and
 * imports each the first time it is needed. The core asks it for clients;
 * it never names a CRM.
 */
export class IntegrationManager {
  #loaded = new Map<string, Promise<IntegrationPluginContract>>()

  constructor(private config: IntegrationsConfig) {}

  ids(): string[] {
    return Object.keys(this.config.plugins)
  }

  has(id: string): boolean {
    return Object.hasOwn(this.config.plugins, id)
  }

  async plugin(id: string): Promise<IntegrationPluginContract> {
    if (!this.has(id)) throw new RuntimeException(`Unknown integration plugin "${id}"`)
    let loading = this.#loaded.get(id)
    if (!loading) {
      loading = this.config.plugins[id]().then((module) =>
        assertIntegrationPlugin(id, module.default)
      )
      // A failed import is not remembered: fixing the plugin must not need a restart.
      loading.catch(() => this.#loaded.delete(id))
      this.#loaded.set(id, loading)
    }
    return loading
  }

  async manifests(): Promise<IntegrationManifest[]> {
    const plugins = await Promise.all(this.ids().map((id) => this.plugin(id)))
    return plugins.map((plugin) => plugin.manifest)
  }

  async client(config: IntegrationAccountConfig): Promise<IntegrationClientContract> {
    const plugin = await this.plugin(config.pluginId)
    return plugin.createClient(config)
  }
}
