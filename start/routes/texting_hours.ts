/*
| Texting hours: the organization's per-state rules (admins).
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router
      .get('/settings/texting-hours', [controllers.settings.TextingHours, 'edit'])
      .as('texting_hours.edit')
    router
      .put('/settings/texting-hours', [controllers.settings.TextingHours, 'update'])
      .as('texting_hours.update')
  })
  .use([middleware.auth(), middleware.org()])
