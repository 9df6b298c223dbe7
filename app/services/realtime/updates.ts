import transmit from '@adonisjs/transmit/services/main'

/**
 * Everything that happens to an organization's messages and conversations;
 * supervisors and above only (start/transmit.ts).
 */
export const ORGANIZATION_CHANNEL = 'organizations/:organizationId/messages'

/** What concerns one member's own conversations; that member only. */
export const MEMBER_CHANNEL = 'organizations/:organizationId/users/:userId/conversations'

export function organizationChannel(organizationId: number) {
  return `organizations/${organizationId}/messages`
}

export function memberChannel(organizationId: number, userId: number) {
  return `organizations/${organizationId}/users/${userId}/conversations`
}

export type ConversationSummary = {
  id: number
  campaignId: number
  status: string
  assignedUserId: number | null
}

export type MessageUpdate = (
  | {
      type: 'message.received'
      message: {
        id: number
        contactId: number | null
        /** The campaign conversation the reply belongs to, when it matched one. */
        campaignContactId: number | null
        from: string
        to: string
        body: string
        intent: string | null
        createdAt: string
      }
    }
  | {
      type: 'message.status'
      message: { id: number; status: string; errorCode: string | null }
    }
  | { type: 'conversation.updated'; conversation: ConversationSummary }
  | { type: 'opt_out.recorded' | 'opt_out.lifted'; phone: string }
) & {
  /** Members who also hear it on their own channel (the conversation's texter). */
  userIds?: (number | null)[]
}

/**
 * Pushes an update to the organization's supervisors and to the members it
 * names. Best effort: a page that misses it still sees the change on its
 * next load.
 */
export function pushToOrganization(organizationId: number, update: MessageUpdate) {
  const { userIds = [], ...payload } = update
  const broadcastable = payload as unknown as Broadcastable
  transmit.broadcast(organizationChannel(organizationId), broadcastable)
  for (const userId of new Set(userIds)) {
    if (userId) transmit.broadcast(memberChannel(organizationId, userId), broadcastable)
  }
}

type Broadcastable = Parameters<typeof transmit.broadcast>[1]
