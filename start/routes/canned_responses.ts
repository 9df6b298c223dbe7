/*
| Organization-wide canned responses: the settings page (the API's routes
| are with the campaigns').
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router
      .get('/settings/canned-responses', [controllers.settings.CannedResponses, 'index'])
      .as('canned_responses.index')
    router
      .post('/settings/canned-responses', [controllers.settings.CannedResponses, 'store'])
      .as('canned_responses.store')
    router
      .put('/settings/canned-responses/:id', [controllers.settings.CannedResponses, 'update'])
      .as('canned_responses.update')
    router
      .delete('/settings/canned-responses/:id', [controllers.settings.CannedResponses, 'destroy'])
      .as('canned_responses.destroy')
  })
  .use([middleware.auth(), middleware.org()])
