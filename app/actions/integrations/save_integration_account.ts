import { refusedField } from '#exceptions/worded_issues'
import db from '@adonisjs/lucid/services/db'
import IntegrationAccount from '#models/integration_account'
import type Membership from '#models/membership'
import ContactList from '#models/contact_list'
import { audit } from '#services/audit'
import { clock } from '#services/clock'
import integrations from '#services/integrations/plugins'
import { latestEventId } from '#services/integrations/results'
import type { ImportSourceKind } from '#integrations/contract'

export type IntegrationAccountData = {
  plugin: string
  name: string
  credentials: Record<string, string | null | undefined>
  settings: Record<string, string | null | undefined>
  enabled?: boolean
  importKind?: ImportSourceKind | null
  importSourceId?: string | null
  importListId?: number | null
  importEveryMinutes?: number | null
}

function invalid(field: string, key: string, values?: Record<string, string>): never {
  throw refusedField(field, 'integration', key, values)
}

/**
 * Creates or saves an integration account, checking its fields against the
 * plugin's manifest. A secret left empty on edit keeps its saved value. A
 * new account syncs results from now on (the event log is not replayed).
 */
export default class SaveIntegrationAccount {
  static async handle({
    actor,
    data,
    account,
  }: {
    actor: Membership
    data: IntegrationAccountData
    account?: IntegrationAccount
  }) {
    const pluginId = account?.plugin ?? data.plugin
    if (!integrations.has(pluginId)) invalid('plugin', 'refusals.fields.chooseIntegration')
    const { manifest } = await integrations.plugin(pluginId)

    const credentials: Record<string, string> = {}
    for (const field of manifest.credentialFields) {
      const value = data.credentials[field.name]?.trim() || account?.credentials[field.name] || ''
      if (field.required && !value) {
        invalid(`credentials.${field.name}`, 'refusals.fields.required', { label: field.label })
      }
      if (value) credentials[field.name] = value
    }
    const settings: Record<string, string> = {}
    for (const field of manifest.settingFields) {
      const value = data.settings[field.name]?.trim() ?? ''
      if (field.required && !value) {
        invalid(`settings.${field.name}`, 'refusals.fields.required', { label: field.label })
      }
      if (field.options && value && !field.options.some((option) => option.value === value)) {
        invalid(`settings.${field.name}`, 'refusals.fields.chooseOption', {
          label: field.label.toLowerCase(),
        })
      }
      if (value) settings[field.name] = value
    }
    const importKind = data.importKind ?? null
    if (importKind && !manifest.importSources.some((source) => source.kind === importKind)) {
      invalid('importKind', 'refusals.fields.cannotImportFrom')
    }
    if (data.importListId) {
      const list = await ContactList.findForOrganization(actor.organizationId, data.importListId)
      if (!list) invalid('importListId', 'refusals.fields.chooseOwnList')
    }

    // Read before the transaction: SQLite has one connection, which the transaction holds.
    const eventCursor = account ? account.eventCursor : await latestEventId(actor.organizationId)
    return db.transaction(async (trx) => {
      const saved = account ?? new IntegrationAccount()
      if (!account) {
        saved.merge({ organizationId: actor.organizationId, plugin: pluginId, eventCursor })
      }
      const schedule = data.importEveryMinutes ?? null
      saved.merge({
        name: data.name,
        credentials,
        settings,
        enabled: data.enabled ?? true,
        importKind,
        importSourceId: importKind ? (data.importSourceId ?? null) : null,
        importListId: importKind ? (data.importListId ?? null) : null,
        importEveryMinutes: importKind ? schedule : null,
      })
      // A new or changed schedule starts now; removing it stops scheduled runs.
      if (!saved.importEveryMinutes) saved.importNextAt = null
      else if (!saved.importNextAt || saved.$dirty.importEveryMinutes) {
        saved.importNextAt = clock.dateTime()
      }
      await saved.useTransaction(trx).save()
      await audit(
        {
          organizationId: actor.organizationId,
          userId: actor.userId,
          action: account ? 'integration_account.updated' : 'integration_account.created',
          subject: { type: 'integration_account', id: saved.id },
          details: { plugin: saved.plugin, name: saved.name, enabled: saved.enabled },
        },
        trx
      )
      return saved
    })
  }
}
