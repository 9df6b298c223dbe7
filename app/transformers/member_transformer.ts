import type Membership from '#models/membership'
import { BaseTransformer } from '@adonisjs/core/transformers'

/**
 * A member of the organization (the user must be preloaded), as the API's
 * directory shows them; `forPage` is a row of the Members page.
 */
export default class MemberTransformer extends BaseTransformer<Membership> {
  toObject() {
    const member = this.resource
    return {
      id: member.id,
      userId: member.userId,
      name: member.user.fullName,
      email: member.user.email,
      role: member.role,
      status: member.status,
      joinedAt: member.createdAt.toUTC().toISO()!,
    }
  }

  forPage() {
    const member = this.resource
    return {
      id: member.id,
      name: member.user.fullName,
      email: member.user.email,
      role: member.role,
      status: member.status,
      joinedAt: member.createdAt.toISODate(),
    }
  }
}
