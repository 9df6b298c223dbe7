import TextingRefusedException from '#exceptions/texting_refused_exception'

/** The campaign is paused, completed or not launched: nobody claims or sends. */
export const campaignNotActive = () =>
  new TextingRefusedException(
    'This campaign is not open for texting right now',
    'campaign_not_active'
  )

/** The campaign has no number a text could go from. */
export const nothingToSendFrom = () =>
  new TextingRefusedException(
    'This campaign has no number to send from; tell an organizer',
    'nothing_to_send_from'
  )
