/*
| Contacts, lists, tags, segments and the opt-out list: pages and API.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router.get('/contacts', [controllers.Contacts, 'index']).as('contacts.index')
    router
      .post('/contacts/memberships', [controllers.Contacts, 'memberships'])
      .as('contacts.memberships')
    router.get('/contacts/:id', [controllers.Contacts, 'show']).as('contacts.show')
    router.get('/contacts/:id/edit', [controllers.Contacts, 'edit']).as('contacts.edit')
    router.put('/contacts/:id', [controllers.Contacts, 'update']).as('contacts.update')
    router.post('/contacts/:id/erase', [controllers.Contacts, 'erase']).as('contacts.erase')

    router.get('/lists', [controllers.Lists, 'index']).as('lists.index')
    router.post('/lists', [controllers.Lists, 'store']).as('lists.store')
    router.put('/lists/:id', [controllers.Lists, 'update']).as('lists.update')
    router.delete('/lists/:id', [controllers.Lists, 'destroy']).as('lists.destroy')

    router.post('/tags', [controllers.Tags, 'store']).as('tags.store')
    router.put('/tags/:id', [controllers.Tags, 'update']).as('tags.update')
    router.delete('/tags/:id', [controllers.Tags, 'destroy']).as('tags.destroy')

    router.get('/segments', [controllers.Segments, 'index']).as('segments.index')
    router.get('/segments/new', [controllers.Segments, 'create']).as('segments.create')
    router.post('/segments', [controllers.Segments, 'store']).as('segments.store')
    router.post('/segments/preview', [controllers.Segments, 'preview']).as('segments.preview')
    router.get('/segments/:id/edit', [controllers.Segments, 'edit']).as('segments.edit')
    router.put('/segments/:id', [controllers.Segments, 'update']).as('segments.update')
    router.delete('/segments/:id', [controllers.Segments, 'destroy']).as('segments.destroy')

    router.get('/opt-outs', [controllers.OptOuts, 'index']).as('opt_outs.index')
    router.post('/opt-outs', [controllers.OptOuts, 'store']).as('opt_outs.store')
    router
      .post('/opt-outs/import', [controllers.OptOuts, 'import'])
      .as('opt_outs.import')
      .use(middleware.uploads())
    router.get('/opt-outs/export', [controllers.OptOuts, 'export']).as('opt_outs.export')
    router.delete('/opt-outs/:id', [controllers.OptOuts, 'destroy']).as('opt_outs.destroy')
  })
  .use([middleware.auth(), middleware.org()])

router
  .group(() => {
    router.get('/contacts', [controllers.api.Contacts, 'index']).as('contacts.index')
    router.get('/contacts/:id', [controllers.api.Contacts, 'show']).as('contacts.show')
    router.put('/contacts', [controllers.api.Contacts, 'upsert']).as('contacts.upsert')
    router.patch('/contacts/:id', [controllers.api.Contacts, 'update']).as('contacts.update')
    router.delete('/contacts/:id', [controllers.api.Contacts, 'destroy']).as('contacts.destroy')

    router.get('/lists', [controllers.api.Lists, 'index']).as('lists.index')
    router.post('/lists', [controllers.api.Lists, 'store']).as('lists.store')

    router.get('/segments', [controllers.api.Segments, 'index']).as('segments.index')
    router.post('/segments', [controllers.api.Segments, 'store']).as('segments.store')
    router.get('/segments/:id', [controllers.api.Segments, 'show']).as('segments.show')
    router.patch('/segments/:id', [controllers.api.Segments, 'update']).as('segments.update')
    router.delete('/segments/:id', [controllers.api.Segments, 'destroy']).as('segments.destroy')

    router.get('/opt-outs', [controllers.api.OptOuts, 'index']).as('opt_outs.index')
    router.post('/opt-outs', [controllers.api.OptOuts, 'store']).as('opt_outs.store')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())
