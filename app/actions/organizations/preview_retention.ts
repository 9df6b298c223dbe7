import db from '@adonisjs/lucid/services/db'
import type { Infer } from '@vinejs/vine/types'
import type Organization from '#models/organization'
import type { retentionPreviewValidator } from '#validators/organization'
import { clock } from '#services/clock'
import { countExpired } from '#services/retention/policy'

type Params = { organization: Organization; data: Infer<typeof retentionPreviewValidator> }

/**
 * The retention dry run: what the given limits (the saved ones where none
 * is given) would remove if the daily pass ran now.
 */
export default class PreviewRetention {
  static async handle({ organization, data }: Params) {
    const retention = { ...organization.settings.retention, ...data }
    const counts = await countExpired(db.connection(), organization.id, retention, clock.dateTime())
    return { retention, ...counts }
  }
}
