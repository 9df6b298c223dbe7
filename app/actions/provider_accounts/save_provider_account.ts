import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Infer } from '@vinejs/vine/types'
import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import type Membership from '#models/membership'
import type {
  createProviderAccountValidator,
  updateProviderAccountValidator,
} from '#validators/provider_account'
import sms from '#services/sms'
import { audit } from '#services/audit'
import { checkFields, fieldError, settingFieldsOf } from '#services/provider_fields'
import { forgetAccount } from '#services/provider_clients'

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
    const providerId = account?.provider ?? (data as CreateData).provider
    if (!sms.has(providerId)) {
      throw fieldError('provider', `No SMS plugin "${providerId}" is installed`, 'exists')
    }
    const { manifest } = await sms.plugin(providerId)
    const credentials = checkFields(
      manifest.credentialFields,
      data.credentials,
      'credentials',
      account?.credentials
    )
    const settings = checkFields(settingFieldsOf(manifest), data.settings, 'settings')

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
        provider: providerId,
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
          details: { provider: providerId, credentialsGiven: Object.keys(data.credentials ?? {}) },
        },
        trx
      )
      return row
    })
    forgetAccount(saved.id)
    return saved
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
