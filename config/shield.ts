import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/shield'
import env from '#start/env'

/**
 * Where the Vite dev server's hot-reload socket listens, when pages are
 * served by it (tests and `node ace serve`, as @adonisjs/vite decides);
 * built assets (`npm start`) need none.
 */
const viteDevSockets =
  app.getEnvironment() === 'test' || env.get('DEV_MODE')
    ? [`ws://*:${env.get('VITE_HMR_PORT', 24678)}`]
    : []

const shieldConfig = defineConfig({
  /**
   * Scripts run only from this origin, and only those the page names with
   * its per-request nonce (resources/views/inertia_layout.edge): no inline
   * script, no `onclick=` attribute, no eval. Styles may be inline: Vue and
   * Vite set them at run time.
   */
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`, '@nonce'],
      scriptSrcAttr: [`'none'`],
      styleSrc: [`'self'`, `'unsafe-inline'`],
      imgSrc: [`'self'`, 'data:'],
      fontSrc: [`'self'`, 'data:'],
      connectSrc: [`'self'`, ...viteDevSockets],
      objectSrc: [`'none'`],
      baseUri: [`'self'`],
      formAction: [`'self'`],
      frameAncestors: [`'none'`],
    },
    reportOnly: false,
  },
  csrf: {
    enabled: true,
    // The API and the fake carrier's API authenticate with bearer tokens, webhooks with
    // provider signatures, email unsubscribe links (RFC 8058 one-click POST from mail
    // clients) their URL's signature.
    exceptRoutes: (ctx) =>
      ['/api/', '/webhooks/', '/fake-carrier/', '/email/unsubscribe/'].some((prefix) =>
        ctx.request.url().startsWith(prefix)
      ),
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: true, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
