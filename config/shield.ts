import { defineConfig } from '@adonisjs/shield'

const shieldConfig = defineConfig({
  csp: {
    enabled: false,
    directives: {},
    reportOnly: false,
  },
  csrf: {
    enabled: true,
    // The API and the fake carrier's API authenticate with bearer tokens, webhooks with
    // provider signatures.
    exceptRoutes: (ctx) =>
      ['/api/', '/webhooks/', '/fake-carrier/'].some((prefix) =>
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
