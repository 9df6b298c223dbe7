import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router.get('/me', [controllers.api.Me, 'show']).as('me.show')
    router.get('/organization', [controllers.api.Organization, 'show']).as('organization.show')
    router
      .patch('/organization', [controllers.api.Organization, 'update'])
      .as('organization.update')
    router.get('/invites', [controllers.api.Invites, 'index']).as('invites.index')
    router.post('/invites', [controllers.api.Invites, 'store']).as('invites.store')
    router.delete('/invites/:id', [controllers.api.Invites, 'destroy']).as('invites.destroy')
    router.get('/members', [controllers.api.Members, 'index']).as('members.index')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())

// Unknown API paths answer in the API's error shape rather than with a page.
router
  .any('/api/*', ({ response }) => response.notFound({ errors: [{ message: 'Not found' }] }))
  .as('api.not_found')
