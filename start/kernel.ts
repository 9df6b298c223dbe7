/*
| HTTP kernel: server-wide and router middleware, and the named ones routes use.
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'
import {
  exceptProviderTraffic,
  exceptStatelessTraffic,
  onlyApiTraffic,
} from '#middleware/except_provider_traffic'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#middleware/unread_body_middleware'),
  () => import('#middleware/container_bindings_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
  () => import('#middleware/inertia_middleware'),
])

router.use([
  () => import('@adonisjs/core/bodyparser_middleware'),
  // Sessions and CSRF cookies are for browsers: the API (bearer tokens) and providers are stateless.
  exceptStatelessTraffic(() => import('@adonisjs/session/session_middleware')),
  exceptStatelessTraffic(() => import('#middleware/flash_for_pages_middleware')),
  exceptStatelessTraffic(() => import('@adonisjs/shield/shield_middleware')),
  onlyApiTraffic(() => import('#middleware/api_shield_middleware')),
  exceptProviderTraffic(() => import('@adonisjs/auth/initialize_auth_middleware')),
  exceptStatelessTraffic(() => import('#middleware/silent_auth_middleware')),
  () => import('#middleware/detect_user_locale_middleware'),
])

export const middleware = router.named({
  guest: () => import('#middleware/guest_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  org: () => import('#middleware/organization_middleware'),
  api: () => import('#middleware/api_auth_middleware'),
  uploads: () => import('#middleware/uploads_middleware'),
})
