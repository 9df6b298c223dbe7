/*
| Automatic answers (keyword rules): the page and the API.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router.get('/auto-answers', [controllers.AutoAnswers, 'index']).as('auto_answers.index')
    router.post('/auto-answers', [controllers.AutoAnswers, 'store']).as('auto_answers.store')
    router.post('/auto-answers/try', [controllers.AutoAnswers, 'try']).as('auto_answers.try')
    router.put('/auto-answers/:id', [controllers.AutoAnswers, 'update']).as('auto_answers.update')
    router
      .delete('/auto-answers/:id', [controllers.AutoAnswers, 'destroy'])
      .as('auto_answers.destroy')
  })
  .use([middleware.auth(), middleware.org()])

router
  .group(() => {
    router.get('/auto-answers', [controllers.api.AutoAnswers, 'index']).as('auto_answers.index')
    router.post('/auto-answers', [controllers.api.AutoAnswers, 'store']).as('auto_answers.store')
    router
      .put('/auto-answers/:id', [controllers.api.AutoAnswers, 'update'])
      .as('auto_answers.update')
    router
      .delete('/auto-answers/:id', [controllers.api.AutoAnswers, 'destroy'])
      .as('auto_answers.destroy')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())
