import type Membership from '#models/membership'
import type Campaign from '#models/campaign'
import SaveCampaign, { type CampaignData } from '#actions/campaigns/save_campaign'
import { createFakeAccount } from '#tests/helpers/messaging'

/** An initial message with everything the launch checks like to see. */
export const GOOD_MESSAGE = 'Hi, this is {texterName} with {orgName}. Reply STOP to opt out'

/**
 * A draft campaign of `actor`'s organization, through the same action the
 * API uses; a fake-carrier account with one number unless one is given.
 */
export async function createDraft(
  actor: Membership,
  data: Partial<CampaignData> & Pick<CampaignData, 'audience'>
): Promise<Campaign> {
  let providerAccountId = data.providerAccountId
  if (providerAccountId === undefined) {
    const account = await createFakeAccount(actor.organizationId)
    providerAccountId = account.id
  }
  return SaveCampaign.handle({
    actor,
    data: {
      name: 'Get out the vote',
      script: { initial: [{ body: GOOD_MESSAGE }] },
      ...data,
      providerAccountId,
    },
  })
}
