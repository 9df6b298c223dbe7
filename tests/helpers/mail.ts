import logger from '@adonisjs/core/services/logger'

export type LoggedLink = { to: string; link: string; subject: string }

/**
 * Without SMTP, the mailer writes each message's link to the log (see
 * app/services/mailer.ts). This records those links until `restore()`.
 */
export function recordLoggedLinks() {
  const links: LoggedLink[] = []
  const info = logger.info
  logger.info = ((entry: unknown, message?: string, ...values: unknown[]) => {
    const fields = entry as { to?: string; link?: string } | null
    if (fields && typeof fields === 'object' && typeof fields.link === 'string') {
      links.push({ to: fields.to ?? '', link: fields.link, subject: message ?? '' })
    }
    return Reflect.apply(info, logger, [entry, message, ...values])
  }) as typeof logger.info
  return {
    links,
    restore() {
      logger.info = info
    },
  }
}
