import transmit from '@adonisjs/transmit/services/main'

/** Everything that happens to an organization's messages; members only (start/transmit.ts). */
export const ORGANIZATION_CHANNEL = 'organizations/:organizationId/messages'

export function organizationChannel(organizationId: number) {
  return `organizations/${organizationId}/messages`
}

export type MessageUpdate =
  | {
      type: 'message.received'
      message: {
        id: number
        contactId: number | null
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
  | { type: 'opt_out.recorded' | 'opt_out.lifted'; phone: string }

/**
 * Pushes an update to the organization's live pages. Best effort: a page that
 * misses it still sees the change on its next load.
 */
export function pushToOrganization(organizationId: number, update: MessageUpdate) {
  transmit.broadcast(organizationChannel(organizationId), update as unknown as Broadcastable)
}

type Broadcastable = Parameters<typeof transmit.broadcast>[1]
