import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'

/**
 * Mail goes out over SMTP when SMTP_HOST is set. Without it, the mailer
 * service writes the message's links to the log instead (see app/services/mailer.ts).
 */
const mailConfig = defineConfig({
  default: 'smtp',
  from: env.get('MAIL_FROM', 'Porchlight <no-reply@localhost>'),
  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', 'localhost'),
      port: env.get('SMTP_PORT', 587),
      secure: env.get('SMTP_SECURE', false),
      auth: env.get('SMTP_USERNAME')
        ? { type: 'login', user: env.get('SMTP_USERNAME')!, pass: env.get('SMTP_PASSWORD', '') }
        : undefined,
    }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
