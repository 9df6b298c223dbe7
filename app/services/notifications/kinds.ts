/**
 * The notification emails Porchlight sends: contacts newly assigned to a
 * texter, a digest of replies waiting on them, and escalated conversations
 * for supervisors. Each person can turn each kind off.
 */
export const NOTIFICATION_KINDS = ['assignment', 'digest', 'escalation'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** The users column holding each kind's on/off choice. */
export const PREFERENCE_COLUMNS = {
  assignment: 'email_assignments',
  digest: 'email_reply_digests',
  escalation: 'email_escalations',
} as const satisfies Record<NotificationKind, string>

/** The same choice as a User model attribute. */
export const PREFERENCE_ATTRIBUTES = {
  assignment: 'emailAssignments',
  digest: 'emailReplyDigests',
  escalation: 'emailEscalations',
} as const satisfies Record<NotificationKind, string>

/** What an assignment email carries (the campaign is read again when it is sent). */
export type AssignmentData = { campaignId: number; count: number; assignedByUserId: number }
/** An escalation email names the conversation; it is skipped if no longer escalated. */
export type EscalationData = { campaignContactId: number }
