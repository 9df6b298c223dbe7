import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * CRM integrations: accounts, people imports, campaign mappings and the
 * sync log (docs/integrations.md).
 */
router
  .group(() => {
    router
      .get('/settings/integrations', [controllers.settings.Integrations, 'index'])
      .as('integrations.index')
    router
      .post('/settings/integrations', [controllers.settings.Integrations, 'store'])
      .as('integrations.store')
    router
      .get('/settings/integrations/:id', [controllers.settings.Integrations, 'edit'])
      .as('integrations.edit')
    router
      .put('/settings/integrations/:id', [controllers.settings.Integrations, 'update'])
      .as('integrations.update')
    router
      .post('/settings/integrations/:id/test', [controllers.settings.Integrations, 'test'])
      .as('integrations.test')
    router
      .post('/settings/integrations/:id/import', [controllers.settings.Integrations, 'importNow'])
      .as('integrations.import')
    router
      .post('/settings/integrations/:id/items/:itemId/retry', [
        controllers.settings.Integrations,
        'retry',
      ])
      .as('integrations.retry')
    router
      .get('/settings/integrations/:id/campaigns/:campaignId', [
        controllers.settings.IntegrationMappings,
        'edit',
      ])
      .as('integrations.mapping')
    router
      .put('/settings/integrations/:id/campaigns/:campaignId', [
        controllers.settings.IntegrationMappings,
        'update',
      ])
      .as('integrations.mapping.update')
  })
  .use([middleware.auth(), middleware.org()])
