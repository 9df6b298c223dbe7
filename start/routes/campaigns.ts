/*
| Campaigns: the builder, list and page, and the API.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router.get('/campaigns', [controllers.Campaigns, 'index']).as('campaigns.index')
    router.get('/campaigns/new', [controllers.Campaigns, 'create']).as('campaigns.create')
    router.post('/campaigns', [controllers.Campaigns, 'store']).as('campaigns.store')
    router
      .post('/campaigns/audience-count', [controllers.Campaigns, 'audienceCount'])
      .as('campaigns.audience_count')
    router.post('/campaigns/preview', [controllers.Campaigns, 'preview']).as('campaigns.preview')
    router.get('/campaigns/:id', [controllers.Campaigns, 'show']).as('campaigns.show')
    router.get('/campaigns/:id/edit', [controllers.Campaigns, 'edit']).as('campaigns.edit')
    router.put('/campaigns/:id', [controllers.Campaigns, 'update']).as('campaigns.update')
    for (const action of ['launch', 'pause', 'resume', 'complete', 'archive', 'copy'] as const) {
      router
        .post(`/campaigns/:id/${action}`, [controllers.Campaigns, action])
        .as(`campaigns.${action}`)
    }
  })
  .use([middleware.auth(), middleware.org()])

router
  .group(() => {
    router.get('/campaigns', [controllers.api.Campaigns, 'index']).as('campaigns.index')
    router.post('/campaigns', [controllers.api.Campaigns, 'store']).as('campaigns.store')
    router.get('/campaigns/:id', [controllers.api.Campaigns, 'show']).as('campaigns.show')
    router.put('/campaigns/:id', [controllers.api.Campaigns, 'update']).as('campaigns.update')
    router
      .post('/campaigns/:id/launch', [controllers.api.Campaigns, 'launch'])
      .as('campaigns.launch')
    router.post('/campaigns/:id/pause', [controllers.api.Campaigns, 'pause']).as('campaigns.pause')
    router
      .post('/campaigns/:id/resume', [controllers.api.Campaigns, 'resume'])
      .as('campaigns.resume')
    router
      .post('/campaigns/:id/complete', [controllers.api.Campaigns, 'complete'])
      .as('campaigns.complete')
    router
      .post('/campaigns/:id/archive', [controllers.api.Campaigns, 'archive'])
      .as('campaigns.archive')
    router.post('/campaigns/:id/copy', [controllers.api.Campaigns, 'copy']).as('campaigns.copy')

    router
      .get('/canned-responses', [controllers.api.CannedResponses, 'index'])
      .as('canned_responses.index')
    router
      .post('/canned-responses', [controllers.api.CannedResponses, 'store'])
      .as('canned_responses.store')
    router
      .put('/canned-responses/:id', [controllers.api.CannedResponses, 'update'])
      .as('canned_responses.update')
    router
      .delete('/canned-responses/:id', [controllers.api.CannedResponses, 'destroy'])
      .as('canned_responses.destroy')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())
