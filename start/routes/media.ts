import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * The media library: the page and the API (docs/media.md).
 */
router
  .group(() => {
    router.get('/media', [controllers.Media, 'index']).as('media.index')
    router.post('/media', [controllers.Media, 'store']).as('media.store').use(middleware.uploads())
    router.delete('/media/:id', [controllers.Media, 'destroy']).as('media.destroy')
    router.get('/media/:id/file', [controllers.Media, 'show']).as('media.show')
    router
      .get('/messages/:id/media/:position', [controllers.MessageMedia, 'show'])
      .as('message_media.show')
  })
  .use([middleware.auth(), middleware.org()])

router
  .group(() => {
    router.get('/media', [controllers.api.Media, 'index']).as('media.index')
    router
      .post('/media', [controllers.api.Media, 'store'])
      .as('media.store')
      .use(middleware.uploads())
    router.delete('/media/:id', [controllers.api.Media, 'destroy']).as('media.destroy')
    router.get('/media/:id/file', [controllers.api.Media, 'show']).as('media.show')
    router
      .get('/messages/:id/media/:position', [controllers.api.Messages, 'picture'])
      .as('messages.picture')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())

// Providers fetch outgoing pictures here: a signed, expiring link, no session.
router.get('/media/sent/:token', [controllers.SentMedia, 'show']).as('sent_media.show')
router
  .get('/fake-carrier/media/:token', [controllers.SentMedia, 'carrier'])
  .as('fake_carrier.media.show')
