import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

// Tracked links in campaign texts (GET and HEAD): no session, no sign-in.
router.get('/l/:code', [controllers.Links, 'show']).as('links.show')
