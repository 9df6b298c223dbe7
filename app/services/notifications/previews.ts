import i18nManager from '@adonisjs/i18n/services/main'
import { appUrl } from '#config/app'
import type { NotificationContent } from '#services/notifications/content'
import { NOTIFICATION_KINDS } from '#services/notifications/kinds'
import { renderNotification } from '#services/notifications/render'

/** Made-up content, shaped like the real thing, for the previews page. */
const SAMPLES: NotificationContent = {
  assignment: {
    campaignName: 'Spring canvass',
    count: 120,
    assignedBy: 'Rosa Díaz',
    textingUrl: `${appUrl}/texting`,
    conversationsUrl: `${appUrl}/conversations`,
  },
  digest: {
    total: 3,
    conversations: [
      {
        name: 'Ana García',
        campaignName: 'Spring canvass',
        minutes: 95,
        url: `${appUrl}/conversations`,
      },
      {
        name: 'Sam Lee',
        campaignName: 'Spring canvass',
        minutes: 41,
        url: `${appUrl}/conversations`,
      },
    ],
    conversationsUrl: `${appUrl}/conversations`,
  },
  escalation: {
    contactName: 'Ana García',
    campaignName: 'Spring canvass',
    texterName: 'Sam Lee',
    latestReply: 'Who gave you my number? <I want to talk to someone in charge>',
    url: `${appUrl}/conversations`,
  },
}

/** Each kind of notification email rendered with sample content, in every language. */
export async function emailPreviews(organizationName: string) {
  const previews = []
  for (const kind of NOTIFICATION_KINDS) {
    for (const locale of i18nManager.supportedLocales()) {
      const rendered = await renderNotification(kind, SAMPLES[kind], {
        locale,
        organizationName,
        recipientName: 'Jordan Reyes',
        unsubscribeUrl: '#unsubscribe',
      })
      previews.push({ kind, locale, ...rendered })
    }
  }
  return previews
}
