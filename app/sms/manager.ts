import { createHash } from 'node:crypto'
import type {
  SmsAccountConfig,
  SmsCapabilities,
  SmsClientContract,
  SmsPluginContract,
  SmsPluginManifest,
} from '#sms/types'
import type { ResolvedSmsConfig, SmsPluginLoader } from '#sms/define_config'
import { E_UNKNOWN_SMS_PLUGIN } from '#sms/errors'
import { GuardedSmsClient } from '#sms/guarded_client'
import { SmsFake } from '#sms/fake'

/**
 * JSON with sorted keys, so equal configs hash equally whatever their key order.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * Knows the SMS plugins config/sms.ts registers, imports each one the
 * first time it is needed, and hands out one client per provider account,
 * rebuilt when the account's credentials or settings change.
 */
export class SmsManager {
  #loaders: Record<string, SmsPluginLoader>
  #loaded = new Map<string, Promise<SmsPluginContract>>()
  #clients = new Map<string, { fingerprint: string; client: SmsClientContract }>()
  #fake?: SmsFake

  constructor(config: ResolvedSmsConfig) {
    this.#loaders = config.loaders
  }

  /** Ids of every registered plugin, without importing any of them. */
  ids(): string[] {
    return Object.keys(this.#loaders)
  }

  has(id: string): boolean {
    return Object.hasOwn(this.#loaders, id)
  }

  /**
   * The plugin registered as `id`; E_UNKNOWN_SMS_PLUGIN when there is none.
   */
  async plugin(id: string): Promise<SmsPluginContract> {
    if (!this.has(id)) throw new E_UNKNOWN_SMS_PLUGIN([id])

    let loading = this.#loaded.get(id)
    if (!loading) {
      loading = this.#loaders[id]()
      // A failed import is not remembered: fixing the plugin must not need a restart.
      loading.catch(() => this.#loaded.delete(id))
      this.#loaded.set(id, loading)
    }
    return loading
  }

  /** Every registered plugin's manifest (for the provider account form). */
  async plugins(): Promise<SmsPluginManifest[]> {
    const plugins = await Promise.all(this.ids().map((id) => this.plugin(id)))
    return plugins.map((plugin) => plugin.manifest)
  }

  /**
   * Ids of the plugins whose manifest declares `capability`, so the core
   * asks what a plugin can do rather than which one it is. A plugin that
   * cannot be imported has no capability here; its own accounts report why.
   */
  async idsWith(capability: keyof SmsCapabilities): Promise<string[]> {
    const loaded = await Promise.allSettled(this.ids().map((id) => this.plugin(id)))
    return loaded.flatMap((result) =>
      result.status === 'fulfilled' && result.value.manifest.capabilities[capability] === true
        ? [result.value.manifest.id]
        : []
    )
  }

  /**
   * The client for one provider account. Cached per account and reused
   * until its config (credentials, settings, webhook URLs) changes.
   */
  async client(config: SmsAccountConfig): Promise<SmsClientContract> {
    const key = `${config.pluginId}:${config.accountId}`
    const fingerprint = createHash('sha256').update(canonical(config)).digest('base64url')
    const cached = this.#clients.get(key)
    if (cached?.fingerprint === fingerprint) return cached.client

    const plugin = await this.plugin(config.pluginId)
    const client = new GuardedSmsClient(plugin.createClient(config), config, () => this.#fake)
    this.#clients.set(key, { fingerprint, client })
    return client
  }

  /** Drops a cached client (the account was deleted or disabled). */
  forget(pluginId: string, accountId: number) {
    this.#clients.delete(`${pluginId}:${accountId}`)
  }

  /**
   * Records sends instead of calling providers until `restore()`.
   */
  fake(): SmsFake {
    this.#fake = new SmsFake()
    return this.#fake
  }

  restore() {
    this.#fake = undefined
  }
}
