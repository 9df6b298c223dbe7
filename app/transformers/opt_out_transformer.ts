import type OptOut from '#models/opt_out'
import { BaseTransformer } from '@adonisjs/core/transformers'

/**
 * An opt-out as the API shows it; `forList` is the opt-out list's row
 * (with who recorded it, as the `recorded_by` extra), `toSummary` what a
 * contact's page and a conversation say about their phone.
 */
export default class OptOutTransformer extends BaseTransformer<OptOut> {
  toObject() {
    const optOut = this.resource
    return {
      phone: optOut.phone,
      reason: optOut.reason,
      source: optOut.source,
      createdAt: optOut.createdAt.toUTC().toISO(),
    }
  }

  forList() {
    const optOut = this.resource
    return {
      id: optOut.id,
      phone: optOut.phone,
      reason: optOut.reason,
      source: optOut.source,
      recordedBy: (optOut.$extras.recorded_by as string | null) ?? null,
      createdAt: optOut.createdAt.toUTC().toISO(),
    }
  }

  toSummary() {
    const optOut = this.resource
    return {
      reason: optOut.reason,
      source: optOut.source,
      createdAt: optOut.createdAt.toUTC().toISO(),
    }
  }
}
