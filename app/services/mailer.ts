import env from '#start/env'
import mail from '@adonisjs/mail/services/main'
import logger from '@adonisjs/core/services/logger'

type LinkMail = { to: string; subject: string; intro: string; linkLabel: string; url: string }

/** Whether email can reach people (SMTP is configured). */
export const canSendMail = () => Boolean(env.get('SMTP_HOST'))

/**
 * Sends a short email whose point is one link. Without SMTP configured, the
 * link is written to the log so an admin of a fresh instance can still use it.
 */
export async function sendLinkMail(message: LinkMail) {
  if (!canSendMail()) {
    logger.info(
      { to: message.to, link: message.url },
      `${message.subject} (SMTP is not configured; link logged instead of emailed)`
    )
    return
  }
  await mail.send((m) => {
    m.to(message.to)
      .subject(message.subject)
      .htmlView('emails/link', message)
      .textView('emails/link_text', message)
  })
}
