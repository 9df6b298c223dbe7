/*
| Retention: the dry run of the organization's retention limits (the
| settings page gets it as a prop).
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router
      .get('/organization/retention-preview', [controllers.api.RetentionPreviews, 'show'])
      .as('retention_preview.show')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())
