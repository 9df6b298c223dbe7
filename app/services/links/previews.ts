/**
 * Link-preview fetchers: apps and carriers that open a link to draw its card
 * (title, picture) or to scan it, not a person clicking. Their user agents,
 * as they announce themselves; iMessage's fetcher names itself as Facebook's
 * and Twitter's.
 */
const PREVIEW_AGENTS =
  /facebookexternalhit|facebookcatalog|facebot|meta-externalagent|twitterbot|slackbot|slack-imgproxy|whatsapp|telegrambot|discordbot|linkedinbot|skypeuripreview|applebot|googlebot|google-pagerenderer|googleimageproxy|google-safety|adsbot-google|feedfetcher-google|bingbot|bingpreview|yahoo! slurp|pinterest|redditbot|embedly|iframely|vkshare|mattermost|microsoftpreview|bitlybot/i

/** A hit this close to the text's delivery is a carrier's or phone's scan, not a person. */
export const DELIVERY_SCAN_MS = 2_000

export type Hit = {
  method: string
  userAgent: string | undefined
  at: Date
  /** When the text with the link was delivered; null before its receipt. */
  deliveredAt: Date | null
}

/** Whether a hit on a short link is a link preview rather than a person's click. */
export function isPreview({ method, userAgent, at, deliveredAt }: Hit) {
  if (method === 'HEAD') return true
  if (userAgent && PREVIEW_AGENTS.test(userAgent)) return true
  return deliveredAt !== null && at.getTime() - deliveredAt.getTime() <= DELIVERY_SCAN_MS
}
