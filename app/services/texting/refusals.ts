import TextingRefusedException from '#exceptions/texting_refused_exception'

/** The campaign is paused, completed or not launched: nobody claims or sends. */
export const campaignNotActive = () =>
  new TextingRefusedException('texting.refused.campaignNotActive', 'campaign_not_active')

/** The campaign has no number a text could go from. */
export const nothingToSendFrom = () =>
  new TextingRefusedException('texting.refused.nothingToSendFrom', 'nothing_to_send_from')
