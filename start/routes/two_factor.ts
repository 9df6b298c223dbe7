import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/** The second step of signing in: after a right password, not yet signed in. */
router
  .group(() => {
    router
      .get('/login/two-factor', [controllers.auth.TwoFactorChallenge, 'create'])
      .as('two_factor_challenge.create')
    router
      .post('/login/two-factor', [controllers.auth.TwoFactorChallenge, 'store'])
      .as('two_factor_challenge.store')
  })
  .use(middleware.guest())

/**
 * Two-factor set-up and the person's sessions. Outside the organization
 * middleware: someone an organization requires to enrol can reach them.
 */
router
  .group(() => {
    router.get('/account/two-factor', [controllers.account.TwoFactor, 'show']).as('two_factor.show')
    router
      .post('/account/two-factor', [controllers.account.TwoFactor, 'store'])
      .as('two_factor.store')
    router
      .post('/account/two-factor/confirm', [controllers.account.TwoFactor, 'confirm'])
      .as('two_factor.confirm')
    router
      .post('/account/two-factor/recovery-codes', [controllers.account.TwoFactor, 'regenerate'])
      .as('two_factor.regenerate')
    router
      .delete('/account/two-factor', [controllers.account.TwoFactor, 'destroy'])
      .as('two_factor.destroy')

    router
      .get('/account/sessions', [controllers.account.Sessions, 'index'])
      .as('account_sessions.index')
    router
      .delete('/account/sessions/others', [controllers.account.Sessions, 'destroyOthers'])
      .as('account_sessions.destroy_others')
    router
      .delete('/account/sessions/:handle', [controllers.account.Sessions, 'destroy'])
      .as('account_sessions.destroy')
  })
  .use(middleware.auth())
