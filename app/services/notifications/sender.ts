import mail from '@adonisjs/mail/services/main'
import Membership from '#models/membership'
import Organization from '#models/organization'
import User from '#models/user'
import {
  assignmentContent,
  digestContent,
  escalationContent,
} from '#services/notifications/content'
import {
  PREFERENCE_ATTRIBUTES,
  type AssignmentData,
  type EscalationData,
} from '#services/notifications/kinds'
import type { ClaimedEmail } from '#services/notifications/queue'
import { renderNotification, type RenderedEmail } from '#services/notifications/render'
import { unsubscribeUrl } from '#services/notifications/unsubscribe'

type Frame = Parameters<typeof renderNotification>[2]

/** Reads what the email tells (as it is now) and renders it; null when nothing is left to tell. */
async function render(email: ClaimedEmail, organization: Organization, frame: Frame) {
  switch (email.kind) {
    case 'assignment': {
      const content = await assignmentContent(organization, email.data as AssignmentData)
      return content && renderNotification('assignment', content, frame)
    }
    case 'digest': {
      const content = await digestContent(organization, email.userId)
      return content && renderNotification('digest', content, frame)
    }
    case 'escalation': {
      const content = await escalationContent(organization, email.data as EscalationData)
      return content && renderNotification('escalation', content, frame)
    }
  }
}

/**
 * Sends one claimed email, unless its recipient turned the kind off, left
 * the organization (or, for escalations, is no longer a supervisor), or
 * there is nothing left to tell. Answers whether it was sent.
 */
export async function sendNotification(email: ClaimedEmail) {
  const user = await User.find(email.userId)
  if (!user || !user[PREFERENCE_ATTRIBUTES[email.kind]]) return false
  const membership = await Membership.forOrganization(email.organizationId)
    .where('user_id', user.id)
    .where('status', 'active')
    .first()
  if (!membership) return false
  if (email.kind === 'escalation' && !membership.atLeast('supervisor')) return false
  const organization = await Organization.findOrFail(email.organizationId)

  const unsubscribe = unsubscribeUrl(user.id, email.kind)
  const rendered: RenderedEmail | null = await render(email, organization, {
    locale: user.locale ?? 'en',
    organizationName: organization.name,
    recipientName: user.fullName,
    unsubscribeUrl: unsubscribe,
  })
  if (!rendered) return false
  await mail.send((message) => {
    message
      .to(user.email)
      .subject(rendered.subject)
      .html(rendered.html)
      .text(rendered.text)
      .listUnsubscribe(unsubscribe, { oneClick: true })
  })
  return true
}
