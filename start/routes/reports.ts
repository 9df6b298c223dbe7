/*
| Reporting: the campaign report page, exports, and the API (API.md).
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router
      .get('/campaigns/:id/report', [controllers.CampaignReports, 'show'])
      .as('campaigns.report')
    router.post('/campaigns/:id/exports', [controllers.Exports, 'store']).as('exports.store')
    router.get('/exports/:id/download', [controllers.Exports, 'download']).as('exports.download')
  })
  .use([middleware.auth(), middleware.org()])

router
  .group(() => {
    router
      .get('/campaigns/:id/stats', [controllers.api.CampaignStats, 'show'])
      .as('campaigns.stats')
    router.post('/campaigns/:id/exports', [controllers.api.Exports, 'store']).as('exports.store')
    router.get('/exports/:id', [controllers.api.Exports, 'show']).as('exports.show')
    router
      .get('/exports/:id/download', [controllers.api.Exports, 'download'])
      .as('exports.download')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())
