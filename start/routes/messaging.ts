import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Provider webhooks: no session or token, the provider's signature instead
 * (CSRF is skipped for /webhooks/ in config/shield.ts). One URL may serve
 * both inbound texts and status reports; the kind suffix is optional.
 */
router
  .post('/webhooks/:provider/:accountId/:kind?', [controllers.Webhooks, 'store'])
  .as('webhooks.store')

/**
 * Provider accounts (admins and owners).
 */
router
  .group(() => {
    router
      .get('/settings/providers', [controllers.settings.ProviderAccounts, 'index'])
      .as('provider_accounts.index')
    router
      .get('/settings/providers/new', [controllers.settings.ProviderAccounts, 'create'])
      .as('provider_accounts.create')
    router
      .post('/settings/providers', [controllers.settings.ProviderAccounts, 'store'])
      .as('provider_accounts.store')
    router
      .get('/settings/providers/:id', [controllers.settings.ProviderAccounts, 'edit'])
      .as('provider_accounts.edit')
    router
      .put('/settings/providers/:id', [controllers.settings.ProviderAccounts, 'update'])
      .as('provider_accounts.update')
    router
      .post('/settings/providers/:id/test-message', [
        controllers.settings.ProviderAccounts,
        'testMessage',
      ])
      .as('provider_accounts.test_message')
    router
      .post('/settings/providers/:id/check', [controllers.settings.ProviderAccounts, 'check'])
      .as('provider_accounts.check')
    router
      .post('/settings/providers/:id/enable', [controllers.settings.ProviderAccounts, 'enable'])
      .as('provider_accounts.enable')
    router
      .put('/settings/providers/:id/registration', [
        controllers.settings.ProviderAccounts,
        'registration',
      ])
      .as('provider_accounts.registration')
    router
      .post('/settings/outbox/:id/resend', [controllers.settings.OutboxReviews, 'resend'])
      .as('outbox_reviews.resend')
    router
      .post('/settings/outbox/:id/discard', [controllers.settings.OutboxReviews, 'discard'])
      .as('outbox_reviews.discard')
  })
  .use([middleware.auth(), middleware.org()])

router
  .group(() => {
    router
      .get('/provider-accounts', [controllers.api.ProviderAccounts, 'index'])
      .as('provider_accounts.index')
    router
      .post('/provider-accounts', [controllers.api.ProviderAccounts, 'store'])
      .as('provider_accounts.store')
    router
      .get('/provider-accounts/:id', [controllers.api.ProviderAccounts, 'show'])
      .as('provider_accounts.show')
    router
      .post('/provider-accounts/:id/test-message', [
        controllers.api.ProviderAccounts,
        'testMessage',
      ])
      .as('provider_accounts.test_message')

    router.get('/messages', [controllers.api.Messages, 'index']).as('messages.index')
    router.get('/messages/:id', [controllers.api.Messages, 'show']).as('messages.show')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())
