import TextingRefusedException from '#exceptions/texting_refused_exception'

/** The campaign is paused, completed or not launched: nobody claims or sends. */
export const campaignNotActive = () =>
  new TextingRefusedException(
    'This campaign is not open for texting right now',
    'campaign_not_active'
  )
