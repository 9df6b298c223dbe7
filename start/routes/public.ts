import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router.get('/health', [controllers.Health, 'show']).as('health.show')
router.get('/', [controllers.Dashboard, 'index']).as('home')

router.get('/setup', [controllers.Setup, 'create']).as('setup.create')
router.post('/setup', [controllers.Setup, 'store']).as('setup.store')

router.get('/join/:token', [controllers.Join, 'show']).as('join.show')
router.post('/join/:token', [controllers.Join, 'store']).as('join.store')
router.get('/join/:token/confirm', [controllers.Join, 'confirm']).as('join.confirm')

router
  .group(() => {
    router.get('/login', [controllers.auth.Session, 'create']).as('session.create')
    router.post('/login', [controllers.auth.Session, 'store']).as('session.store')
    router
      .get('/forgot-password', [controllers.auth.PasswordResets, 'create'])
      .as('password_resets.create')
    router
      .post('/forgot-password', [controllers.auth.PasswordResets, 'store'])
      .as('password_resets.store')
    router
      .get('/reset-password/:token', [controllers.auth.PasswordResets, 'edit'])
      .as('password_resets.edit')
    router
      .post('/reset-password', [controllers.auth.PasswordResets, 'update'])
      .as('password_resets.update')
  })
  .use(middleware.guest())
