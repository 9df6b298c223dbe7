import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * The fake carrier's API, called by the fake plugin's client like a real
 * provider's REST API (bearer auth with the account's signing secret; CSRF
 * is skipped for /fake-carrier/ in config/shield.ts). Off in production
 * unless the account turns demo mode on.
 */
router
  .group(() => {
    router
      .get('/accounts/:accountId', [controllers.fakeCarrier.Messages, 'account'])
      .as('fake_carrier.account')
    router
      .post('/accounts/:accountId/messages', [controllers.fakeCarrier.Messages, 'store'])
      .as('fake_carrier.messages.store')
    router
      .get('/accounts/:accountId/messages', [controllers.fakeCarrier.Messages, 'index'])
      .as('fake_carrier.messages.index')
    router
      .get('/accounts/:accountId/messages/:sid', [controllers.fakeCarrier.Messages, 'show'])
      .as('fake_carrier.messages.show')
  })
  .prefix('/fake-carrier')

/**
 * The Phones page: read what fake phones received, text back as them.
 */
router
  .group(() => {
    router.get('/phones', [controllers.Phones, 'index']).as('phones.index')
    router.get('/phones/:accountId/:phone', [controllers.Phones, 'show']).as('phones.show')
    router
      .post('/phones/:accountId/texts', [controllers.Phones, 'store'])
      .as('phones.store')
      .use(middleware.uploads())
  })
  .use([middleware.auth(), middleware.org()])
