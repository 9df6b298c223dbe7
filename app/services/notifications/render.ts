import edge from 'edge.js'
import i18nManager from '@adonisjs/i18n/services/main'
import { appUrl } from '#config/app'
import type { NotificationContent } from '#services/notifications/content'
import type { NotificationKind } from '#services/notifications/kinds'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** Each kind's subject line, in the recipient's language. */
const SUBJECTS: {
  [K in NotificationKind]: (t: Translate, content: NotificationContent[K]) => string
} = {
  assignment: (t, content) =>
    t('emails.assignment.subject', { count: content.count, campaign: content.campaignName }),
  digest: (t, content) => t('emails.digest.subject', { count: content.total }),
  escalation: (t, content) => t('emails.escalation.subject', { contact: content.contactName }),
}

export type RenderedEmail = { subject: string; html: string; text: string }

type Frame = {
  locale: string
  organizationName: string
  recipientName: string
  unsubscribeUrl: string
}

/**
 * Renders a notification from its Edge templates
 * (resources/views/emails/notifications/<kind>.edge and <kind>_text.edge) in
 * the recipient's language. Every email ends with a link to stop that kind.
 */
export async function renderNotification<K extends NotificationKind>(
  kind: K,
  content: NotificationContent[K],
  frame: Frame
): Promise<RenderedEmail> {
  const i18n = i18nManager.locale(
    i18nManager.supportedLocales().includes(frame.locale) ? frame.locale : 'en'
  )
  const t: Translate = (key, values) => i18n.t(key, values)
  const state = {
    ...content,
    ...frame,
    kind,
    locale: i18n.locale,
    profileUrl: `${appUrl}/account`,
    t,
  }
  const [html, text] = await Promise.all([
    edge.render(`emails/notifications/${kind}`, state),
    edge.render(`emails/notifications/${kind}_text`, state),
  ])
  return { subject: SUBJECTS[kind](t, content), html, text }
}
