import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Outbound webhook endpoints and their delivery logs (docs/integrations.md).
 */
router
  .group(() => {
    router
      .get('/webhook-endpoints', [controllers.api.WebhookEndpoints, 'index'])
      .as('webhook_endpoints.index')
    router
      .post('/webhook-endpoints', [controllers.api.WebhookEndpoints, 'store'])
      .as('webhook_endpoints.store')
    router
      .get('/webhook-endpoints/:id', [controllers.api.WebhookEndpoints, 'show'])
      .as('webhook_endpoints.show')
    router
      .patch('/webhook-endpoints/:id', [controllers.api.WebhookEndpoints, 'update'])
      .as('webhook_endpoints.update')
    router
      .delete('/webhook-endpoints/:id', [controllers.api.WebhookEndpoints, 'destroy'])
      .as('webhook_endpoints.destroy')
    router
      .post('/webhook-endpoints/:id/test', [controllers.api.WebhookEndpoints, 'test'])
      .as('webhook_endpoints.test')
    router
      .get('/webhook-endpoints/:id/deliveries', [controllers.api.WebhookDeliveries, 'index'])
      .as('webhook_deliveries.index')
    router
      .post('/webhook-endpoints/:id/deliveries/:deliveryId/resend', [
        controllers.api.WebhookDeliveries,
        'resend',
      ])
      .as('webhook_deliveries.resend')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())

router
  .group(() => {
    router
      .get('/settings/webhooks', [controllers.settings.WebhookEndpoints, 'index'])
      .as('webhook_endpoints.index')
    router
      .post('/settings/webhooks', [controllers.settings.WebhookEndpoints, 'store'])
      .as('webhook_endpoints.store')
    router
      .get('/settings/webhooks/:id', [controllers.settings.WebhookEndpoints, 'edit'])
      .as('webhook_endpoints.edit')
    router
      .put('/settings/webhooks/:id', [controllers.settings.WebhookEndpoints, 'update'])
      .as('webhook_endpoints.update')
    router
      .delete('/settings/webhooks/:id', [controllers.settings.WebhookEndpoints, 'destroy'])
      .as('webhook_endpoints.destroy')
    router
      .post('/settings/webhooks/:id/test', [controllers.settings.WebhookEndpoints, 'test'])
      .as('webhook_endpoints.test')
    router
      .post('/settings/webhooks/:id/deliveries/:deliveryId/resend', [
        controllers.settings.WebhookEndpoints,
        'resend',
      ])
      .as('webhook_deliveries.resend')
  })
  .use([middleware.auth(), middleware.org()])
