/*
| Notification emails: each person's choices on their profile, the signed
| one-click unsubscribe link every email carries, and the admins' previews.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

const unsubscribe = '/email/unsubscribe/:userId/:kind'
const kind = /^(assignment|digest|escalation)$/

router
  .get(unsubscribe, [controllers.EmailUnsubscribes, 'show'])
  .where('userId', /^\d+$/)
  .where('kind', kind)
  .as('email_unsubscribes.show')
router
  .post(unsubscribe, [controllers.EmailUnsubscribes, 'store'])
  .where('userId', /^\d+$/)
  .where('kind', kind)
  .as('email_unsubscribes.store')

router
  .put('/account/notifications', [controllers.account.EmailPreferences, 'update'])
  .as('email_preferences.update')
  .use(middleware.auth())

router
  .get('/settings/emails', [controllers.settings.EmailPreviews, 'index'])
  .as('email_previews.index')
  .use([middleware.auth(), middleware.org()])
