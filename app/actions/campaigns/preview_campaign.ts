import type { CampaignAudience } from '#models/campaign'
import type Organization from '#models/organization'
import { audienceContacts } from '#services/campaigns/audience'
import { customFieldHeaders } from '#services/contacts/custom_field_headers'
import { estimateAudienceCost } from '#services/scripts/cost'
import { preview } from '#services/scripts/preview'
import { readModels } from '#services/db/read_pool'
import { linkBase as shortLinkBase } from '#services/links/short_links'
import type { Translator } from '#services/i18n/translator'

const SAMPLES = 3

type Params = {
  organization: Organization
  texterName: string
  audience: CampaignAudience
  variants: { body: string; weight?: number; mediaIds?: number[] }[]
  /** The campaign tracks its links: they are counted as the short links sent. */
  trackLinks: boolean
  /** The wording of the lints (the request's language); English when not given. */
  i18n?: Translator
}

/**
 * The script step's live figures: each variant as written (encoding,
 * segments, lints), rendered for a few contacts of the audience, and what
 * texting the whole audience costs (segments × the organization's price).
 */
export default class PreviewCampaign {
  static async handle({ organization, texterName, audience, variants, trackLinks, i18n }: Params) {
    const linkBase = trackLinks ? shortLinkBase(organization.settings.linkDomain) : undefined
    const { contacts } = await audienceContacts(organization.id, audience)
    const samples = await readModels(contacts.clone().orderBy('contacts.id').limit(SAMPLES))
    const customFieldNames = await customFieldHeaders(organization.id)
    const texter = { fullName: texterName }
    const cost = await estimateAudienceCost(contacts, {
      variants,
      pricePerSegment: organization.settings.pricePerSegment,
      pricePerMms: organization.settings.pricePerMms,
      organization,
      texterName,
      linkBase,
    })
    return {
      variants: variants.map((variant) => ({
        template: preview({
          body: variant.body,
          texter,
          organization,
          customFieldNames,
          linkBase,
          i18n,
        }),
        samples: samples.map((contact) => ({
          contactId: contact.id,
          name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.phone,
          ...preview({
            body: variant.body,
            contact,
            texter,
            organization,
            firstMessage: false,
            linkBase,
            i18n,
          }),
        })),
      })),
      cost,
    }
  }
}
