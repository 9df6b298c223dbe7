/*
| Texting: the campaigns open to a texter and the one-key send screen.
| The screen's steps answer JSON to `Accept: application/json`.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router.get('/texting', [controllers.Texting, 'index']).as('texting.index')
    router.get('/texting/campaigns/:id', [controllers.Texting, 'show']).as('texting.show')
    router.get('/texting/campaigns/:id/next', [controllers.Texting, 'next']).as('texting.next')
    router.post('/texting/campaigns/:id/claim', [controllers.Texting, 'claim']).as('texting.claim')
    router.post('/texting/campaigns/:id/send', [controllers.Texting, 'send']).as('texting.send')
    router.post('/texting/campaigns/:id/skip', [controllers.Texting, 'skip']).as('texting.skip')
    router
      .post('/texting/campaigns/:id/opt-out', [controllers.Texting, 'optOut'])
      .as('texting.opt_out')
    router
      .post('/texting/campaigns/:id/release', [controllers.Texting, 'release'])
      .as('texting.release')
  })
  .use([middleware.auth(), middleware.org()])
