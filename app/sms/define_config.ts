import { isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'
import { configProvider } from '@adonisjs/core'
import { RuntimeException } from '@adonisjs/core/exceptions'
import type { ConfigProvider } from '@adonisjs/core/types'
import type { SmsPluginContract } from '#sms/types'
import { E_INVALID_SMS_PLUGIN } from '#sms/errors'

/**
 * Imports one plugin. Nothing is imported until a plugin is first asked for.
 */
export type SmsPluginLoader = () => Promise<SmsPluginContract>

/**
 * Where a plugin comes from: a function importing its module, as in
 * `() => import('porchlight-sms-bandwidth')` (config/sms.ts lists the
 * built-ins so), or, as a string, an npm package name or a folder holding an
 * index.ts/index.js (relative to the app root, like "./sms_plugins/acme", or
 * absolute). The module default-exports an `SmsPluginContract` whose manifest
 * id is the key it is listed under.
 */
export type SmsPluginSource = string | (() => Promise<{ default: unknown }>)

export interface SmsConfig {
  /** Every plugin this installation can use, by id, built-in or not. */
  plugins: Record<string, SmsPluginSource>
}

export interface ResolvedSmsConfig {
  loaders: Record<string, SmsPluginLoader>
}

const PLUGIN_ID = /^[a-z][a-z0-9_-]{1,39}$/

function importerOf(source: string, appRoot: URL) {
  const isFolder = source.startsWith('.') || isAbsolute(source)
  const specifier = isFolder
    ? (isAbsolute(source) ? pathToFileURL(`${source}/`) : new URL(`${source}/`, appRoot)).href +
      'index.js'
    : source
  return () => import(specifier) as Promise<{ default?: unknown }>
}

/**
 * Imports a plugin from where config/sms.ts says it is, and checks it is
 * what config/sms.ts says it is.
 */
export function pluginLoader(id: string, source: SmsPluginSource, appRoot: URL): SmsPluginLoader {
  const load = typeof source === 'function' ? source : importerOf(source, appRoot)
  const failure =
    typeof source === 'function'
      ? 'its loader in config/sms.ts failed'
      : `cannot import "${source}"`

  return async () => {
    let module: { default?: unknown }
    try {
      module = await load()
    } catch (error) {
      throw new E_INVALID_SMS_PLUGIN([id, failure], { cause: error })
    }
    return assertPlugin(id, module?.default)
  }
}

/**
 * Fails with a message naming what is missing, so a contributor fixes the
 * plugin rather than debugging the dispatcher.
 */
export function assertPlugin(id: string, candidate: unknown): SmsPluginContract {
  const plugin = candidate as Partial<SmsPluginContract> | undefined
  if (!plugin?.manifest || typeof plugin.createClient !== 'function') {
    throw new E_INVALID_SMS_PLUGIN([
      id,
      'its module must default-export { manifest, createClient }',
    ])
  }
  if (plugin.manifest.id !== id) {
    throw new E_INVALID_SMS_PLUGIN([
      id,
      `its manifest id is "${plugin.manifest.id}"; use that key in config/sms.ts`,
    ])
  }
  return plugin as SmsPluginContract
}

/**
 * Declares the SMS plugins an installation can use. Fails fast on malformed
 * ids and on sources that are neither a loader nor a package or folder name.
 */
export function defineConfig(config: SmsConfig): ConfigProvider<ResolvedSmsConfig> {
  const sources = config.plugins ?? {}
  for (const [id, source] of Object.entries(sources)) {
    if (!PLUGIN_ID.test(id)) {
      throw new RuntimeException(
        `Invalid SMS plugin id "${id}" in config/sms.ts: use lowercase letters, digits, "-" or "_"`
      )
    }
    if (typeof source !== 'function' && (typeof source !== 'string' || !source)) {
      throw new RuntimeException(
        `The SMS plugin "${id}" in config/sms.ts needs a loader, () => import('…'), or a package or folder name`
      )
    }
  }

  return configProvider.create(async (app) => ({
    loaders: Object.fromEntries(
      Object.entries(sources).map(([id, source]) => [id, pluginLoader(id, source, app.appRoot)])
    ),
  }))
}
