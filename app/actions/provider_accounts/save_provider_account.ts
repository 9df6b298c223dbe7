import db from '@adonisjs/lucid/services/db'
import { errors as vineErrors } from '@vinejs/vine'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Infer } from '@vinejs/vine/types'
import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import type Membership from '#models/membership'
import type {
  createProviderAccountValidator,
  updateProviderAccountValidator,
} from '#validators/provider_account'
import type { SmsPluginManifest } from '#sms/types'
import sms from '#services/sms'
import { audit } from '#services/audit'
import {
  checkFields,
  fieldError,
  settingFieldsOf,
  storedSecretsLeftBlank,
} from '#services/provider_accounts/fields'
import { forgetAccount } from '#services/provider_accounts/clients'

/** A label inside a sentence: "Auth token" → "auth token", "API key" stays. */
const inSentence = (label: string) =>
  /^.[a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label

type CreateData = Infer<typeof createProviderAccountValidator>
type UpdateData = Infer<typeof updateProviderAccountValidator>

type Params =
  | { actor: Membership; data: CreateData; account?: undefined }
  | { actor: Membership; data: UpdateData; account: ProviderAccount }

/**
 * Creates a provider account, or saves changes to one: the plugin's
 * manifest decides which credentials and settings it takes, credentials are
 * encrypted at rest (see the model), and the sender numbers become exactly
 * the list given. Saving an account that was stopped after a configuration
 * failure does not restart it: that is a separate, deliberate step.
 */
export default class SaveProviderAccount {
  static async handle({ actor, data, account }: Params) {
    const pluginId = account?.provider ?? (data as CreateData).provider
    if (!sms.has(pluginId)) {
      throw fieldError('provider', `No SMS plugin "${pluginId}" is installed`, 'exists')
    }
    const { manifest } = await sms.plugin(pluginId)
    const credentials = checkFields(
      manifest.credentialFields,
      data.credentials,
      'credentials',
      account?.credentials
    )
    const settings = checkFields(settingFieldsOf(manifest), data.settings, 'settings')
    const baseUrlChange = account && this.#baseUrlChange(account, settings)
    if (baseUrlChange) this.#requireSecretsAgain(manifest, data.credentials, account.credentials)

    // A simulator's account works at once: its own fictional numbers when none are given.
    const numbers =
      !account && !data.numbers?.length && manifest.defaultNumbers?.length
        ? manifest.defaultNumbers
        : data.numbers

    const saved = await db.transaction(async (trx) => {
      const row = account ?? new ProviderAccount()
      row.useTransaction(trx)
      row.merge({
        organizationId: actor.organizationId,
        provider: pluginId,
        name: data.name ?? manifest.displayName,
        credentials,
        settings: {
          ...(account?.settings ?? {}),
          ...settings,
          ...this.#cleared(manifest, settings),
        },
      })
      if (!account) row.merge({ status: 'active', statusReason: null })
      await row.save()
      if (numbers) await this.#replaceNumbers(row, numbers, trx)

      await audit(
        {
          organizationId: actor.organizationId,
          userId: actor.userId,
          action: account ? 'provider_account.updated' : 'provider_account.created',
          subject: { type: 'provider_account', id: row.id },
          // Which credentials were given, never their values.
          details: {
            provider: pluginId,
            credentialsGiven: Object.keys(data.credentials ?? {}),
            ...(baseUrlChange ? { apiBaseUrl: baseUrlChange } : {}),
          },
        },
        trx
      )
      return row
    })
    forgetAccount(saved.id)
    return saved
  }

  /** The API base URL before and after, when this save changes it. */
  static #baseUrlChange(account: ProviderAccount, settings: Record<string, string>) {
    const from = String(account.settings?.apiBaseUrl ?? '').trim()
    const to = settings.apiBaseUrl ?? ''
    return from === to ? null : { from: from || null, to: to || null }
  }

  /**
   * Stored secrets only ever go to the address they were entered for. Were
   * a blank secret kept across a change of the API base URL, an admin could
   * point the account at a server of their own, press "Check credentials"
   * or send a test message, and receive the owner's auth token. So the new
   * address needs every stored secret typed again, in the same request.
   */
  static #requireSecretsAgain(
    manifest: SmsPluginManifest,
    given: Record<string, unknown> | undefined,
    stored: Record<string, string>
  ) {
    const missing = storedSecretsLeftBlank(manifest.credentialFields, given, stored)
    if (!missing.length) return
    throw new vineErrors.E_VALIDATION_ERROR(
      missing.map((field) => ({
        field: `credentials.${field.name}`,
        rule: 'reenter',
        message: `Enter the ${inSentence(field.label)} again: the API base URL changed, and stored secrets are only sent to the address they were entered for`,
      }))
    )
  }

  /** Settings fields left blank are removed, not kept from before. */
  static #cleared(
    manifest: Parameters<typeof settingFieldsOf>[0],
    given: Record<string, string>
  ): Record<string, undefined> {
    return Object.fromEntries(
      settingFieldsOf(manifest)
        .filter((field) => !(field.name in given))
        .map((field) => [field.name, undefined])
    )
  }

  static async #replaceNumbers(
    account: ProviderAccount,
    numbers: string[],
    trx: TransactionClientContract
  ) {
    const wanted = [...new Set(numbers)]
    await SenderNumber.query({ client: trx })
      .where('provider_account_id', account.id)
      .whereNotIn('phone', wanted.length ? wanted : [''])
      .delete()
    const existing = await SenderNumber.query({ client: trx })
      .where('provider_account_id', account.id)
      .select('phone')
    const have = new Set(existing.map((number) => number.phone))
    const missing = wanted.filter((phone) => !have.has(phone))
    if (missing.length) {
      await SenderNumber.createMany(
        missing.map((phone) => ({
          organizationId: account.organizationId,
          providerAccountId: account.id,
          phone,
        })),
        { client: trx }
      )
    }
  }
}
