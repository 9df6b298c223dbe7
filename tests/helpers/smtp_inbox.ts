import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import env from '#start/env'
import mail from '@adonisjs/mail/services/main'
import { SMTPTransport } from '@adonisjs/mail/transports/smtp'

export type ReceivedEmail = {
  to: string[]
  subject: string
  headers: Map<string, string>
  html: string
  text: string
  raw: string
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in a header. */
function decodeWords(value: string) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset, encoding, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' '))
    )
}

function decodeQuotedPrintable(text: string) {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_all, hex: string) => `%${hex}`)
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'))
}

function parseHeaders(block: string) {
  const headers = new Map<string, string>()
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
  }
  return headers
}

function splitPart(raw: string) {
  const end = raw.search(/\r?\n\r?\n/)
  return {
    headers: parseHeaders(raw.slice(0, end)),
    body: raw.slice(end).replace(/^\r?\n\r?\n/, ''),
  }
}

function decodeBody(headers: Map<string, string>, body: string) {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase()
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body)
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8')
  return body
}

/** The text and HTML parts of a (possibly multipart) message. */
function parts(headers: Map<string, string>, body: string, into = { html: '', text: '' }) {
  const type = headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break
      const part = splitPart(chunk.replace(/^\r?\n/, ''))
      parts(part.headers, part.body, into)
    }
  } else if (type.startsWith('text/html')) into.html += decodeBody(headers, body)
  else if (type.startsWith('text/plain')) into.text += decodeBody(headers, body)
  return into
}

/**
 * A real SMTP server on a loopback port that keeps every message it
 * receives; the app's SMTP mailer points at it while it runs.
 */
export class SmtpInbox {
  messages: ReceivedEmail[] = []
  #server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const { headers, body } = splitPart(raw)
        this.messages.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: decodeWords(headers.get('subject') ?? ''),
          headers,
          ...parts(headers, body),
          raw,
        })
        callback()
      })
    },
  })

  /** Where it listens (kept after it stops, so a test can see sends to it refused). */
  port = 0

  async start() {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve))
    this.port = (this.#server.server.address() as AddressInfo).port
    return this
  }

  /** The messages sent to `address`. */
  to(address: string) {
    return this.messages.filter((message) => message.to.includes(address))
  }

  async stop() {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }
}

/**
 * Configures SMTP for one test (SMTP_HOST set, the mailer pointed at a fresh
 * inbox); the returned cleanup puts everything back as it was.
 */
export async function useSmtpInbox() {
  const inbox = await new SmtpInbox().start()
  const before = process.env.SMTP_HOST
  const factory = mail.config.mailers.smtp
  env.set('SMTP_HOST', '127.0.0.1')
  await mail.close('smtp')
  mail.config.mailers.smtp = () =>
    new SMTPTransport({ host: '127.0.0.1', port: inbox.port, secure: false, ignoreTLS: true })
  const restore = async () => {
    await mail.close('smtp')
    mail.config.mailers.smtp = factory
    env.set('SMTP_HOST', before as string)
    if (before === undefined) delete process.env.SMTP_HOST
    await inbox.stop()
  }
  return { inbox, restore }
}
