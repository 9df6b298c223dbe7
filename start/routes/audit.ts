/*
| The audit trail: the admins' page, its CSV export, and the API.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router
      .get('/settings/audit', [controllers.settings.AuditEvents, 'index'])
      .as('audit_events.index')
    router
      .get('/settings/audit/export', [controllers.settings.AuditEvents, 'export'])
      .as('audit_events.export')
  })
  .use([middleware.auth(), middleware.org()])

router
  .group(() => {
    router.get('/audit-events', [controllers.api.AuditEvents, 'index']).as('audit_events.index')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())
