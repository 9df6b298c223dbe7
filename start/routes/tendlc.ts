import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/**
 * 10DLC brand and campaign registration through a provider account (owners).
 */
router
  .group(() => {
    router
      .get('/settings/providers/:id/10dlc', [controllers.settings.TendlcRegistrations, 'show'])
      .as('tendlc_registrations.show')
    router
      .post('/settings/providers/:id/10dlc/brand', [
        controllers.settings.TendlcRegistrations,
        'brand',
      ])
      .as('tendlc_registrations.brand')
    router
      .post('/settings/providers/:id/10dlc/campaign', [
        controllers.settings.TendlcRegistrations,
        'campaign',
      ])
      .as('tendlc_registrations.campaign')
    router
      .post('/settings/providers/:id/10dlc/refresh', [
        controllers.settings.TendlcRegistrations,
        'refresh',
      ])
      .as('tendlc_registrations.refresh')
  })
  .use([middleware.auth(), middleware.org()])
