/*
| Scripts: the live preview (rendered text, encoding, segments, lints).
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .post('/scripts/preview', [controllers.Scripts, 'preview'])
  .as('scripts.preview')
  .use([middleware.auth(), middleware.org()])

router
  .post('/api/v1/messages/preview', [controllers.Scripts, 'preview'])
  .as('api.messages.preview')
  .use(middleware.api())
