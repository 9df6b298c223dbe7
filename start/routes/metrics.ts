import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

router.get('/metrics', [controllers.Metrics, 'show']).as('metrics.show')
