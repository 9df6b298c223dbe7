import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Contact imports: the browser wizard and the API (API.md).
 */
router
  .group(() => {
    router.get('/imports', [controllers.Imports, 'index']).as('imports.index')
    router.get('/imports/new', [controllers.Imports, 'create']).as('imports.create')
    router
      .post('/imports', [controllers.Imports, 'store'])
      .as('imports.store')
      .use(middleware.uploads())
    router
      .get('/imports/:id', [controllers.Imports, 'show'])
      .as('imports.show')
      .where('id', /^\d+$/)
    router.put('/imports/:id/mapping', [controllers.Imports, 'remap']).as('imports.remap')
    router.post('/imports/:id/start', [controllers.Imports, 'start']).as('imports.start')
    router.post('/imports/:id/resume', [controllers.Imports, 'resume']).as('imports.resume')
    router.get('/imports/:id/report', [controllers.Imports, 'report']).as('imports.report')
  })
  .use([middleware.auth(), middleware.org()])

router
  .group(() => {
    router
      .post('/imports', [controllers.api.Imports, 'store'])
      .as('imports.store')
      .use(middleware.uploads())
    router.get('/imports/:id', [controllers.api.Imports, 'show']).as('imports.show')
    router.post('/imports/:id/resume', [controllers.api.Imports, 'resume']).as('imports.resume')
    router.get('/imports/:id/report', [controllers.api.Imports, 'report']).as('imports.report')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())
