import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * Signed in, but not necessarily inside an organization yet.
 */
router
  .group(() => {
    router.post('/logout', [controllers.auth.Session, 'destroy']).as('session.destroy')
    router
      .get('/organizations/new', [controllers.Organizations, 'create'])
      .as('organizations.create')
    router.post('/organizations', [controllers.Organizations, 'store']).as('organizations.store')
    router
      .post('/organizations/:id/switch', [controllers.Organizations, 'switch'])
      .as('organizations.switch')
    router.get('/account', [controllers.account.Profile, 'edit']).as('profile.edit')
    router.put('/account', [controllers.account.Profile, 'update']).as('profile.update')
    router
      .put('/account/password', [controllers.account.Profile, 'updatePassword'])
      .as('profile.update_password')
  })
  .use(middleware.auth())

router
  .get('/waiting', [controllers.Waiting, 'show'])
  .as('waiting.show')
  .use([middleware.auth(), middleware.org({ allowPending: true })])

/**
 * Inside the current organization, as an active member.
 */
router
  .group(() => {
    router.get('/dashboard', [controllers.Dashboard, 'show']).as('dashboard')

    router.get('/account/tokens', [controllers.account.ApiTokens, 'index']).as('api_tokens.index')
    router.post('/account/tokens', [controllers.account.ApiTokens, 'store']).as('api_tokens.store')
    router
      .delete('/account/tokens/:id', [controllers.account.ApiTokens, 'destroy'])
      .as('api_tokens.destroy')

    router
      .get('/settings/organization', [controllers.settings.Organization, 'edit'])
      .as('organization_settings.edit')
    router
      .put('/settings/organization', [controllers.settings.Organization, 'update'])
      .as('organization_settings.update')

    router.get('/members', [controllers.Members, 'index']).as('members.index')
    router.put('/members/:id', [controllers.Members, 'update']).as('members.update')
    router
      .put('/members/:id/status', [controllers.Members, 'updateStatus'])
      .as('members.update_status')
    router.delete('/members/:id', [controllers.Members, 'destroy']).as('members.destroy')

    router.get('/invites', [controllers.Invites, 'index']).as('invites.index')
    router.post('/invites', [controllers.Invites, 'store']).as('invites.store')
    router.delete('/invites/:id', [controllers.Invites, 'destroy']).as('invites.destroy')
  })
  .use([middleware.auth(), middleware.org()])
