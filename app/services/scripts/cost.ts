import { DEFAULT_SETTINGS } from '#models/organization'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type Contact from '#models/contact'
import { smsEncoding } from '#sms/encoding'
import { renderScript, type MergeContact } from '#services/scripts/merge_fields'
import { readCount, readModels } from '#services/db/read_pool'
import { withStandInLinks } from '#services/links/short_links'

/**
 * What texting an audience will cost: segments × price per segment.
 *
 * Merge fields change a text's length per contact (a long name can push it
 * into a second segment, an accented one into UCS-2), so each variant is
 * rendered for every contact given. Each contact gets one variant, chosen by
 * weight, so a contact counts the weighted average of its variants' segments.
 * When `contacts` covers the whole audience the figure is exact; when it is a
 * sample the sample's average is scaled to `count`; without contacts the
 * template is counted as written.
 *
 * `{texterName}` is not known before texters are assigned: `texterName`
 * stands in for it (default TEXTER_STAND_IN).
 */

export const TEXTER_STAND_IN = 'Volunteer'

/** Contacts read by `estimateAudienceCost`: an audience up to this size is counted exactly. */
export const COST_SAMPLE_SIZE = 1000

/** A text to price; one carrying pictures is an MMS, priced per text whatever its length. */
export type CostVariant = { body: string; weight?: number; mediaIds?: number[] }

export type CostInput = {
  variants: CostVariant[]
  /** Audience size. */
  count: number
  /** The audience, or a sample of it. */
  contacts?: MergeContact[]
  pricePerSegment: number
  /** Needed when a variant carries pictures; the default price otherwise. */
  pricePerMms?: number
  organization: { name: string }
  texterName?: string
  /** Where tracked short links point, when the campaign tracks links: they count at that length. */
  linkBase?: string
}

export type CostEstimate = {
  contacts: number
  /** Expected SMS segments for the whole audience (texts without pictures). */
  segments: number
  segmentsPerContact: number
  /** Expected texts with pictures (MMS) for the whole audience. */
  mms: number
  cost: number
  /** True when every contact of the audience was rendered. */
  exact: boolean
  variants: { body: string; weight: number; segmentsPerContact: number; mms: boolean }[]
}

const round = (value: number, digits: number) => Number(value.toFixed(digits))

export function estimateCost(input: CostInput): CostEstimate {
  const texter = { fullName: input.texterName ?? TEXTER_STAND_IN }
  const sample = input.contacts?.length ? input.contacts : [null]
  const totalWeight = input.variants.reduce((sum, variant) => sum + (variant.weight ?? 1), 0)

  const variants = input.variants.map((variant) => {
    const segments = sample.reduce((sum, contact) => {
      const { rendered } = renderScript(variant.body, {
        contact,
        texter,
        organization: input.organization,
      })
      const sent = input.linkBase ? withStandInLinks(rendered, input.linkBase) : rendered
      return sum + smsEncoding(sent).segments
    }, 0)
    return {
      body: variant.body,
      weight: variant.weight ?? 1,
      segmentsPerContact: segments / sample.length,
      mms: Boolean(variant.mediaIds?.length),
    }
  })

  const share = (value: (variant: (typeof variants)[number]) => number) =>
    totalWeight
      ? variants.reduce((sum, variant) => sum + value(variant) * variant.weight, 0) / totalWeight
      : 0
  const perContact = share((variant) => (variant.mms ? 0 : variant.segmentsPerContact))
  const segments = Math.round(perContact * input.count)
  const mms = Math.round(share((variant) => (variant.mms ? 1 : 0)) * input.count)
  return {
    contacts: input.count,
    segments,
    segmentsPerContact: round(perContact, 4),
    mms,
    cost: round(
      segments * input.pricePerSegment + mms * (input.pricePerMms ?? DEFAULT_SETTINGS.pricePerMms),
      4
    ),
    exact: Boolean(input.contacts) && input.contacts!.length === input.count,
    variants: variants.map((variant) => ({
      ...variant,
      segmentsPerContact: round(variant.segmentsPerContact, 4),
    })),
  }
}

/**
 * `estimateCost` for an audience query (e.g. `segmentContacts(...)`): counts
 * it, and renders up to COST_SAMPLE_SIZE of its contacts (the first by id),
 * so an audience of that size or less is exact and a larger one is estimated.
 * Both are read through the read pool.
 */
export async function estimateAudienceCost(
  audience: ModelQueryBuilderContract<typeof Contact, Contact>,
  options: Omit<CostInput, 'count' | 'contacts'>
) {
  const count = await readCount(audience)
  const contacts = await readModels(
    audience
      .clone()
      .select('contacts.first_name', 'contacts.last_name', 'contacts.zip', 'contacts.custom_fields')
      .orderBy('contacts.id')
      .limit(COST_SAMPLE_SIZE)
  )
  return estimateCost({ ...options, count, contacts })
}
