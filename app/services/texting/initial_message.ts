import { renderScript } from '#services/scripts/merge_fields'
import type { SendingContext, Texter } from '#services/texting/sending_context'
import type { SendableRow } from '#services/texting/sendable_rows'

/** The first message for this contact, as it will be sent: its variant, merge fields filled. */
export function renderInitial(context: SendingContext, row: SendableRow, texter: Texter) {
  const { campaign } = context
  const template =
    (row.variant_id && campaign.variants.get(row.variant_id)) || campaign.firstVariant
  return renderForContact(context, template, row, texter)
}

/** The library pictures the contact's first text carries: its variant's. */
export function initialPictures(context: SendingContext, row: SendableRow) {
  const { variantPictures } = context.campaign
  return (row.variant_id && variantPictures.get(row.variant_id)) || variantPictures.get(0) || []
}

/** A campaign script's text for this contact, merge fields filled. */
export function renderForContact(
  context: SendingContext,
  template: string,
  row: SendableRow,
  texter: Texter
) {
  const customFields =
    typeof row.custom_fields === 'string' ? JSON.parse(row.custom_fields) : row.custom_fields
  return renderScript(template, {
    contact: {
      firstName: row.first_name,
      lastName: row.last_name,
      zip: row.zip,
      customFields,
    },
    texter,
    organization: context.organization,
  }).rendered
}
