import type { Infer } from '@vinejs/vine/types'
import type User from '#models/user'
import { PREFERENCE_ATTRIBUTES, type NotificationKind } from '#services/notifications/kinds'
import type { notificationPreferencesValidator } from '#validators/notification'

type Params = { user: User; choices: Partial<Infer<typeof notificationPreferencesValidator>> }

/**
 * Turns kinds of notification email on or off for one person (their profile,
 * or an unsubscribe link for one kind). Emails already queued of a kind
 * turned off are not sent: the worker checks again before sending.
 */
export default class SetEmailPreferences {
  static async handle({ user, choices }: Params) {
    for (const [kind, on] of Object.entries(choices) as [NotificationKind, boolean][]) {
      user[PREFERENCE_ATTRIBUTES[kind]] = on
    }
    await user.save()
    return user
  }
}
