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

export interface SmsConfig {
  /**
   * Third-party plugins by id: an npm package name ("porchlight-sms-bandwidth")
   * or a folder holding an index.ts/index.js, relative to the app root
   * ("./sms_plugins/acme") or absolute. The module default-exports an
   * `SmsPluginContract` whose manifest id is the key used here.
   */
  plugins?: Record<string, string>
}

export interface ResolvedSmsConfig {
  loaders: Record<string, SmsPluginLoader>
}

/**
 * The plugins that ship with Porchlight, always registered.
 */
export const builtinPlugins: Record<string, SmsPluginLoader> = {
  fake: () => import('#plugins/fake/index').then((module) => module.default),
  twilio: () => import('#plugins/twilio/index').then((module) => module.default),
  telnyx: () => import('#plugins/telnyx/index').then((module) => module.default),
}

const PLUGIN_ID = /^[a-z][a-z0-9_-]{1,39}$/

/**
 * Imports a third-party plugin from a package name or a folder and checks
 * it is what config/sms.ts says it is.
 */
export function sourceLoader(id: string, source: string, appRoot: URL): SmsPluginLoader {
  const isFolder = source.startsWith('.') || isAbsolute(source)
  const specifier = isFolder
    ? (isAbsolute(source) ? pathToFileURL(`${source}/`) : new URL(`${source}/`, appRoot)).href +
      'index.js'
    : source

  return async () => {
    let module: { default?: unknown }
    try {
      module = await import(specifier)
    } catch (error) {
      throw new E_INVALID_SMS_PLUGIN([id, `cannot import "${source}"`], { cause: error })
    }
    return assertPlugin(id, module.default)
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
 * Declares the SMS plugins an installation can use. Fails fast on ids that
 * are malformed or clash with a built-in plugin.
 */
export function defineConfig(config: SmsConfig): ConfigProvider<ResolvedSmsConfig> {
  const thirdParty = config.plugins ?? {}
  for (const id of Object.keys(thirdParty)) {
    if (!PLUGIN_ID.test(id)) {
      throw new RuntimeException(
        `Invalid SMS plugin id "${id}" in config/sms.ts: use lowercase letters, digits, "-" or "_"`
      )
    }
    if (id in builtinPlugins) {
      throw new RuntimeException(
        `The SMS plugin id "${id}" in config/sms.ts is taken by a built-in plugin`
      )
    }
  }

  return configProvider.create(async (app) => ({
    loaders: {
      ...builtinPlugins,
      ...Object.fromEntries(
        Object.entries(thirdParty).map(([id, source]) => [
          id,
          sourceLoader(id, source, app.appRoot),
        ])
      ),
    },
  }))
}
