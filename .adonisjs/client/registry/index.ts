/* eslint-disable prettier/prettier */
import type { AdonisEndpoint } from '@tuyau/core/types'
import type { Registry } from './schema.d.ts'
import type { ApiDefinition } from './tree.d.ts'

const placeholder: any = {}

const routes = {
  'health.show': {
    methods: ["GET","HEAD"],
    pattern: '/health',
    tokens: [{"old":"/health","type":0,"val":"health","end":""}],
    types: placeholder as Registry['health.show']['types'],
  },
  'home': {
    methods: ["GET","HEAD"],
    pattern: '/',
    tokens: [{"old":"/","type":0,"val":"/","end":""}],
    types: placeholder as Registry['home']['types'],
  },
  'setup.create': {
    methods: ["GET","HEAD"],
    pattern: '/setup',
    tokens: [{"old":"/setup","type":0,"val":"setup","end":""}],
    types: placeholder as Registry['setup.create']['types'],
  },
  'setup.store': {
    methods: ["POST"],
    pattern: '/setup',
    tokens: [{"old":"/setup","type":0,"val":"setup","end":""}],
    types: placeholder as Registry['setup.store']['types'],
  },
  'join.show': {
    methods: ["GET","HEAD"],
    pattern: '/join/:token',
    tokens: [{"old":"/join/:token","type":0,"val":"join","end":""},{"old":"/join/:token","type":1,"val":"token","end":""}],
    types: placeholder as Registry['join.show']['types'],
  },
  'join.store': {
    methods: ["POST"],
    pattern: '/join/:token',
    tokens: [{"old":"/join/:token","type":0,"val":"join","end":""},{"old":"/join/:token","type":1,"val":"token","end":""}],
    types: placeholder as Registry['join.store']['types'],
  },
  'session.create': {
    methods: ["GET","HEAD"],
    pattern: '/login',
    tokens: [{"old":"/login","type":0,"val":"login","end":""}],
    types: placeholder as Registry['session.create']['types'],
  },
  'session.store': {
    methods: ["POST"],
    pattern: '/login',
    tokens: [{"old":"/login","type":0,"val":"login","end":""}],
    types: placeholder as Registry['session.store']['types'],
  },
  'password_resets.create': {
    methods: ["GET","HEAD"],
    pattern: '/forgot-password',
    tokens: [{"old":"/forgot-password","type":0,"val":"forgot-password","end":""}],
    types: placeholder as Registry['password_resets.create']['types'],
  },
  'password_resets.store': {
    methods: ["POST"],
    pattern: '/forgot-password',
    tokens: [{"old":"/forgot-password","type":0,"val":"forgot-password","end":""}],
    types: placeholder as Registry['password_resets.store']['types'],
  },
  'password_resets.edit': {
    methods: ["GET","HEAD"],
    pattern: '/reset-password/:token',
    tokens: [{"old":"/reset-password/:token","type":0,"val":"reset-password","end":""},{"old":"/reset-password/:token","type":1,"val":"token","end":""}],
    types: placeholder as Registry['password_resets.edit']['types'],
  },
  'password_resets.update': {
    methods: ["POST"],
    pattern: '/reset-password',
    tokens: [{"old":"/reset-password","type":0,"val":"reset-password","end":""}],
    types: placeholder as Registry['password_resets.update']['types'],
  },
  'session.destroy': {
    methods: ["POST"],
    pattern: '/logout',
    tokens: [{"old":"/logout","type":0,"val":"logout","end":""}],
    types: placeholder as Registry['session.destroy']['types'],
  },
  'organizations.create': {
    methods: ["GET","HEAD"],
    pattern: '/organizations/new',
    tokens: [{"old":"/organizations/new","type":0,"val":"organizations","end":""},{"old":"/organizations/new","type":0,"val":"new","end":""}],
    types: placeholder as Registry['organizations.create']['types'],
  },
  'organizations.store': {
    methods: ["POST"],
    pattern: '/organizations',
    tokens: [{"old":"/organizations","type":0,"val":"organizations","end":""}],
    types: placeholder as Registry['organizations.store']['types'],
  },
  'organizations.switch': {
    methods: ["POST"],
    pattern: '/organizations/:id/switch',
    tokens: [{"old":"/organizations/:id/switch","type":0,"val":"organizations","end":""},{"old":"/organizations/:id/switch","type":1,"val":"id","end":""},{"old":"/organizations/:id/switch","type":0,"val":"switch","end":""}],
    types: placeholder as Registry['organizations.switch']['types'],
  },
  'profile.edit': {
    methods: ["GET","HEAD"],
    pattern: '/account',
    tokens: [{"old":"/account","type":0,"val":"account","end":""}],
    types: placeholder as Registry['profile.edit']['types'],
  },
  'profile.update': {
    methods: ["PUT"],
    pattern: '/account',
    tokens: [{"old":"/account","type":0,"val":"account","end":""}],
    types: placeholder as Registry['profile.update']['types'],
  },
  'profile.update_password': {
    methods: ["PUT"],
    pattern: '/account/password',
    tokens: [{"old":"/account/password","type":0,"val":"account","end":""},{"old":"/account/password","type":0,"val":"password","end":""}],
    types: placeholder as Registry['profile.update_password']['types'],
  },
  'waiting.show': {
    methods: ["GET","HEAD"],
    pattern: '/waiting',
    tokens: [{"old":"/waiting","type":0,"val":"waiting","end":""}],
    types: placeholder as Registry['waiting.show']['types'],
  },
  'dashboard': {
    methods: ["GET","HEAD"],
    pattern: '/dashboard',
    tokens: [{"old":"/dashboard","type":0,"val":"dashboard","end":""}],
    types: placeholder as Registry['dashboard']['types'],
  },
  'api_tokens.index': {
    methods: ["GET","HEAD"],
    pattern: '/account/tokens',
    tokens: [{"old":"/account/tokens","type":0,"val":"account","end":""},{"old":"/account/tokens","type":0,"val":"tokens","end":""}],
    types: placeholder as Registry['api_tokens.index']['types'],
  },
  'api_tokens.store': {
    methods: ["POST"],
    pattern: '/account/tokens',
    tokens: [{"old":"/account/tokens","type":0,"val":"account","end":""},{"old":"/account/tokens","type":0,"val":"tokens","end":""}],
    types: placeholder as Registry['api_tokens.store']['types'],
  },
  'api_tokens.destroy': {
    methods: ["DELETE"],
    pattern: '/account/tokens/:id',
    tokens: [{"old":"/account/tokens/:id","type":0,"val":"account","end":""},{"old":"/account/tokens/:id","type":0,"val":"tokens","end":""},{"old":"/account/tokens/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['api_tokens.destroy']['types'],
  },
  'organization_settings.edit': {
    methods: ["GET","HEAD"],
    pattern: '/settings/organization',
    tokens: [{"old":"/settings/organization","type":0,"val":"settings","end":""},{"old":"/settings/organization","type":0,"val":"organization","end":""}],
    types: placeholder as Registry['organization_settings.edit']['types'],
  },
  'organization_settings.update': {
    methods: ["PUT"],
    pattern: '/settings/organization',
    tokens: [{"old":"/settings/organization","type":0,"val":"settings","end":""},{"old":"/settings/organization","type":0,"val":"organization","end":""}],
    types: placeholder as Registry['organization_settings.update']['types'],
  },
  'members.index': {
    methods: ["GET","HEAD"],
    pattern: '/members',
    tokens: [{"old":"/members","type":0,"val":"members","end":""}],
    types: placeholder as Registry['members.index']['types'],
  },
  'members.update': {
    methods: ["PUT"],
    pattern: '/members/:id',
    tokens: [{"old":"/members/:id","type":0,"val":"members","end":""},{"old":"/members/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['members.update']['types'],
  },
  'members.update_status': {
    methods: ["PUT"],
    pattern: '/members/:id/status',
    tokens: [{"old":"/members/:id/status","type":0,"val":"members","end":""},{"old":"/members/:id/status","type":1,"val":"id","end":""},{"old":"/members/:id/status","type":0,"val":"status","end":""}],
    types: placeholder as Registry['members.update_status']['types'],
  },
  'members.destroy': {
    methods: ["DELETE"],
    pattern: '/members/:id',
    tokens: [{"old":"/members/:id","type":0,"val":"members","end":""},{"old":"/members/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['members.destroy']['types'],
  },
  'invites.index': {
    methods: ["GET","HEAD"],
    pattern: '/invites',
    tokens: [{"old":"/invites","type":0,"val":"invites","end":""}],
    types: placeholder as Registry['invites.index']['types'],
  },
  'invites.store': {
    methods: ["POST"],
    pattern: '/invites',
    tokens: [{"old":"/invites","type":0,"val":"invites","end":""}],
    types: placeholder as Registry['invites.store']['types'],
  },
  'invites.destroy': {
    methods: ["DELETE"],
    pattern: '/invites/:id',
    tokens: [{"old":"/invites/:id","type":0,"val":"invites","end":""},{"old":"/invites/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['invites.destroy']['types'],
  },
  'webhooks.store': {
    methods: ["POST"],
    pattern: '/webhooks/:provider/:accountId/:kind?',
    tokens: [{"old":"/webhooks/:provider/:accountId/:kind?","type":0,"val":"webhooks","end":""},{"old":"/webhooks/:provider/:accountId/:kind?","type":1,"val":"provider","end":""},{"old":"/webhooks/:provider/:accountId/:kind?","type":1,"val":"accountId","end":""},{"old":"/webhooks/:provider/:accountId/:kind?","type":3,"val":"kind","end":""}],
    types: placeholder as Registry['webhooks.store']['types'],
  },
  'provider_accounts.index': {
    methods: ["GET","HEAD"],
    pattern: '/settings/providers',
    tokens: [{"old":"/settings/providers","type":0,"val":"settings","end":""},{"old":"/settings/providers","type":0,"val":"providers","end":""}],
    types: placeholder as Registry['provider_accounts.index']['types'],
  },
  'provider_accounts.create': {
    methods: ["GET","HEAD"],
    pattern: '/settings/providers/new',
    tokens: [{"old":"/settings/providers/new","type":0,"val":"settings","end":""},{"old":"/settings/providers/new","type":0,"val":"providers","end":""},{"old":"/settings/providers/new","type":0,"val":"new","end":""}],
    types: placeholder as Registry['provider_accounts.create']['types'],
  },
  'provider_accounts.store': {
    methods: ["POST"],
    pattern: '/settings/providers',
    tokens: [{"old":"/settings/providers","type":0,"val":"settings","end":""},{"old":"/settings/providers","type":0,"val":"providers","end":""}],
    types: placeholder as Registry['provider_accounts.store']['types'],
  },
  'provider_accounts.edit': {
    methods: ["GET","HEAD"],
    pattern: '/settings/providers/:id',
    tokens: [{"old":"/settings/providers/:id","type":0,"val":"settings","end":""},{"old":"/settings/providers/:id","type":0,"val":"providers","end":""},{"old":"/settings/providers/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['provider_accounts.edit']['types'],
  },
  'provider_accounts.update': {
    methods: ["PUT"],
    pattern: '/settings/providers/:id',
    tokens: [{"old":"/settings/providers/:id","type":0,"val":"settings","end":""},{"old":"/settings/providers/:id","type":0,"val":"providers","end":""},{"old":"/settings/providers/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['provider_accounts.update']['types'],
  },
  'provider_accounts.test_message': {
    methods: ["POST"],
    pattern: '/settings/providers/:id/test-message',
    tokens: [{"old":"/settings/providers/:id/test-message","type":0,"val":"settings","end":""},{"old":"/settings/providers/:id/test-message","type":0,"val":"providers","end":""},{"old":"/settings/providers/:id/test-message","type":1,"val":"id","end":""},{"old":"/settings/providers/:id/test-message","type":0,"val":"test-message","end":""}],
    types: placeholder as Registry['provider_accounts.test_message']['types'],
  },
  'provider_accounts.check': {
    methods: ["POST"],
    pattern: '/settings/providers/:id/check',
    tokens: [{"old":"/settings/providers/:id/check","type":0,"val":"settings","end":""},{"old":"/settings/providers/:id/check","type":0,"val":"providers","end":""},{"old":"/settings/providers/:id/check","type":1,"val":"id","end":""},{"old":"/settings/providers/:id/check","type":0,"val":"check","end":""}],
    types: placeholder as Registry['provider_accounts.check']['types'],
  },
  'provider_accounts.enable': {
    methods: ["POST"],
    pattern: '/settings/providers/:id/enable',
    tokens: [{"old":"/settings/providers/:id/enable","type":0,"val":"settings","end":""},{"old":"/settings/providers/:id/enable","type":0,"val":"providers","end":""},{"old":"/settings/providers/:id/enable","type":1,"val":"id","end":""},{"old":"/settings/providers/:id/enable","type":0,"val":"enable","end":""}],
    types: placeholder as Registry['provider_accounts.enable']['types'],
  },
  'outbox_reviews.resend': {
    methods: ["POST"],
    pattern: '/settings/outbox/:id/resend',
    tokens: [{"old":"/settings/outbox/:id/resend","type":0,"val":"settings","end":""},{"old":"/settings/outbox/:id/resend","type":0,"val":"outbox","end":""},{"old":"/settings/outbox/:id/resend","type":1,"val":"id","end":""},{"old":"/settings/outbox/:id/resend","type":0,"val":"resend","end":""}],
    types: placeholder as Registry['outbox_reviews.resend']['types'],
  },
  'outbox_reviews.discard': {
    methods: ["POST"],
    pattern: '/settings/outbox/:id/discard',
    tokens: [{"old":"/settings/outbox/:id/discard","type":0,"val":"settings","end":""},{"old":"/settings/outbox/:id/discard","type":0,"val":"outbox","end":""},{"old":"/settings/outbox/:id/discard","type":1,"val":"id","end":""},{"old":"/settings/outbox/:id/discard","type":0,"val":"discard","end":""}],
    types: placeholder as Registry['outbox_reviews.discard']['types'],
  },
  'api.provider_accounts.index': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/provider-accounts',
    tokens: [{"old":"/api/v1/provider-accounts","type":0,"val":"api","end":""},{"old":"/api/v1/provider-accounts","type":0,"val":"v1","end":""},{"old":"/api/v1/provider-accounts","type":0,"val":"provider-accounts","end":""}],
    types: placeholder as Registry['api.provider_accounts.index']['types'],
  },
  'api.provider_accounts.store': {
    methods: ["POST"],
    pattern: '/api/v1/provider-accounts',
    tokens: [{"old":"/api/v1/provider-accounts","type":0,"val":"api","end":""},{"old":"/api/v1/provider-accounts","type":0,"val":"v1","end":""},{"old":"/api/v1/provider-accounts","type":0,"val":"provider-accounts","end":""}],
    types: placeholder as Registry['api.provider_accounts.store']['types'],
  },
  'api.provider_accounts.show': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/provider-accounts/:id',
    tokens: [{"old":"/api/v1/provider-accounts/:id","type":0,"val":"api","end":""},{"old":"/api/v1/provider-accounts/:id","type":0,"val":"v1","end":""},{"old":"/api/v1/provider-accounts/:id","type":0,"val":"provider-accounts","end":""},{"old":"/api/v1/provider-accounts/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['api.provider_accounts.show']['types'],
  },
  'api.provider_accounts.test_message': {
    methods: ["POST"],
    pattern: '/api/v1/provider-accounts/:id/test-message',
    tokens: [{"old":"/api/v1/provider-accounts/:id/test-message","type":0,"val":"api","end":""},{"old":"/api/v1/provider-accounts/:id/test-message","type":0,"val":"v1","end":""},{"old":"/api/v1/provider-accounts/:id/test-message","type":0,"val":"provider-accounts","end":""},{"old":"/api/v1/provider-accounts/:id/test-message","type":1,"val":"id","end":""},{"old":"/api/v1/provider-accounts/:id/test-message","type":0,"val":"test-message","end":""}],
    types: placeholder as Registry['api.provider_accounts.test_message']['types'],
  },
  'imports.index': {
    methods: ["GET","HEAD"],
    pattern: '/imports',
    tokens: [{"old":"/imports","type":0,"val":"imports","end":""}],
    types: placeholder as Registry['imports.index']['types'],
  },
  'imports.create': {
    methods: ["GET","HEAD"],
    pattern: '/imports/new',
    tokens: [{"old":"/imports/new","type":0,"val":"imports","end":""},{"old":"/imports/new","type":0,"val":"new","end":""}],
    types: placeholder as Registry['imports.create']['types'],
  },
  'imports.store': {
    methods: ["POST"],
    pattern: '/imports',
    tokens: [{"old":"/imports","type":0,"val":"imports","end":""}],
    types: placeholder as Registry['imports.store']['types'],
  },
  'imports.show': {
    methods: ["GET","HEAD"],
    pattern: '/imports/:id',
    tokens: [{"old":"/imports/:id","type":0,"val":"imports","end":""},{"old":"/imports/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['imports.show']['types'],
  },
  'imports.remap': {
    methods: ["PUT"],
    pattern: '/imports/:id/mapping',
    tokens: [{"old":"/imports/:id/mapping","type":0,"val":"imports","end":""},{"old":"/imports/:id/mapping","type":1,"val":"id","end":""},{"old":"/imports/:id/mapping","type":0,"val":"mapping","end":""}],
    types: placeholder as Registry['imports.remap']['types'],
  },
  'imports.start': {
    methods: ["POST"],
    pattern: '/imports/:id/start',
    tokens: [{"old":"/imports/:id/start","type":0,"val":"imports","end":""},{"old":"/imports/:id/start","type":1,"val":"id","end":""},{"old":"/imports/:id/start","type":0,"val":"start","end":""}],
    types: placeholder as Registry['imports.start']['types'],
  },
  'imports.report': {
    methods: ["GET","HEAD"],
    pattern: '/imports/:id/report',
    tokens: [{"old":"/imports/:id/report","type":0,"val":"imports","end":""},{"old":"/imports/:id/report","type":1,"val":"id","end":""},{"old":"/imports/:id/report","type":0,"val":"report","end":""}],
    types: placeholder as Registry['imports.report']['types'],
  },
  'api.imports.store': {
    methods: ["POST"],
    pattern: '/api/v1/imports',
    tokens: [{"old":"/api/v1/imports","type":0,"val":"api","end":""},{"old":"/api/v1/imports","type":0,"val":"v1","end":""},{"old":"/api/v1/imports","type":0,"val":"imports","end":""}],
    types: placeholder as Registry['api.imports.store']['types'],
  },
  'api.imports.show': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/imports/:id',
    tokens: [{"old":"/api/v1/imports/:id","type":0,"val":"api","end":""},{"old":"/api/v1/imports/:id","type":0,"val":"v1","end":""},{"old":"/api/v1/imports/:id","type":0,"val":"imports","end":""},{"old":"/api/v1/imports/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['api.imports.show']['types'],
  },
  'api.imports.report': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/imports/:id/report',
    tokens: [{"old":"/api/v1/imports/:id/report","type":0,"val":"api","end":""},{"old":"/api/v1/imports/:id/report","type":0,"val":"v1","end":""},{"old":"/api/v1/imports/:id/report","type":0,"val":"imports","end":""},{"old":"/api/v1/imports/:id/report","type":1,"val":"id","end":""},{"old":"/api/v1/imports/:id/report","type":0,"val":"report","end":""}],
    types: placeholder as Registry['api.imports.report']['types'],
  },
  'fake_carrier.account': {
    methods: ["GET","HEAD"],
    pattern: '/fake-carrier/accounts/:accountId',
    tokens: [{"old":"/fake-carrier/accounts/:accountId","type":0,"val":"fake-carrier","end":""},{"old":"/fake-carrier/accounts/:accountId","type":0,"val":"accounts","end":""},{"old":"/fake-carrier/accounts/:accountId","type":1,"val":"accountId","end":""}],
    types: placeholder as Registry['fake_carrier.account']['types'],
  },
  'fake_carrier.messages.store': {
    methods: ["POST"],
    pattern: '/fake-carrier/accounts/:accountId/messages',
    tokens: [{"old":"/fake-carrier/accounts/:accountId/messages","type":0,"val":"fake-carrier","end":""},{"old":"/fake-carrier/accounts/:accountId/messages","type":0,"val":"accounts","end":""},{"old":"/fake-carrier/accounts/:accountId/messages","type":1,"val":"accountId","end":""},{"old":"/fake-carrier/accounts/:accountId/messages","type":0,"val":"messages","end":""}],
    types: placeholder as Registry['fake_carrier.messages.store']['types'],
  },
  'fake_carrier.messages.show': {
    methods: ["GET","HEAD"],
    pattern: '/fake-carrier/accounts/:accountId/messages/:sid',
    tokens: [{"old":"/fake-carrier/accounts/:accountId/messages/:sid","type":0,"val":"fake-carrier","end":""},{"old":"/fake-carrier/accounts/:accountId/messages/:sid","type":0,"val":"accounts","end":""},{"old":"/fake-carrier/accounts/:accountId/messages/:sid","type":1,"val":"accountId","end":""},{"old":"/fake-carrier/accounts/:accountId/messages/:sid","type":0,"val":"messages","end":""},{"old":"/fake-carrier/accounts/:accountId/messages/:sid","type":1,"val":"sid","end":""}],
    types: placeholder as Registry['fake_carrier.messages.show']['types'],
  },
  'phones.index': {
    methods: ["GET","HEAD"],
    pattern: '/phones',
    tokens: [{"old":"/phones","type":0,"val":"phones","end":""}],
    types: placeholder as Registry['phones.index']['types'],
  },
  'phones.show': {
    methods: ["GET","HEAD"],
    pattern: '/phones/:accountId/:phone',
    tokens: [{"old":"/phones/:accountId/:phone","type":0,"val":"phones","end":""},{"old":"/phones/:accountId/:phone","type":1,"val":"accountId","end":""},{"old":"/phones/:accountId/:phone","type":1,"val":"phone","end":""}],
    types: placeholder as Registry['phones.show']['types'],
  },
  'phones.store': {
    methods: ["POST"],
    pattern: '/phones/:accountId/texts',
    tokens: [{"old":"/phones/:accountId/texts","type":0,"val":"phones","end":""},{"old":"/phones/:accountId/texts","type":1,"val":"accountId","end":""},{"old":"/phones/:accountId/texts","type":0,"val":"texts","end":""}],
    types: placeholder as Registry['phones.store']['types'],
  },
  'api.me.show': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/me',
    tokens: [{"old":"/api/v1/me","type":0,"val":"api","end":""},{"old":"/api/v1/me","type":0,"val":"v1","end":""},{"old":"/api/v1/me","type":0,"val":"me","end":""}],
    types: placeholder as Registry['api.me.show']['types'],
  },
  'api.organization.show': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/organization',
    tokens: [{"old":"/api/v1/organization","type":0,"val":"api","end":""},{"old":"/api/v1/organization","type":0,"val":"v1","end":""},{"old":"/api/v1/organization","type":0,"val":"organization","end":""}],
    types: placeholder as Registry['api.organization.show']['types'],
  },
  'api.organization.update': {
    methods: ["PATCH"],
    pattern: '/api/v1/organization',
    tokens: [{"old":"/api/v1/organization","type":0,"val":"api","end":""},{"old":"/api/v1/organization","type":0,"val":"v1","end":""},{"old":"/api/v1/organization","type":0,"val":"organization","end":""}],
    types: placeholder as Registry['api.organization.update']['types'],
  },
  'api.invites.index': {
    methods: ["GET","HEAD"],
    pattern: '/api/v1/invites',
    tokens: [{"old":"/api/v1/invites","type":0,"val":"api","end":""},{"old":"/api/v1/invites","type":0,"val":"v1","end":""},{"old":"/api/v1/invites","type":0,"val":"invites","end":""}],
    types: placeholder as Registry['api.invites.index']['types'],
  },
  'api.invites.store': {
    methods: ["POST"],
    pattern: '/api/v1/invites',
    tokens: [{"old":"/api/v1/invites","type":0,"val":"api","end":""},{"old":"/api/v1/invites","type":0,"val":"v1","end":""},{"old":"/api/v1/invites","type":0,"val":"invites","end":""}],
    types: placeholder as Registry['api.invites.store']['types'],
  },
  'api.invites.destroy': {
    methods: ["DELETE"],
    pattern: '/api/v1/invites/:id',
    tokens: [{"old":"/api/v1/invites/:id","type":0,"val":"api","end":""},{"old":"/api/v1/invites/:id","type":0,"val":"v1","end":""},{"old":"/api/v1/invites/:id","type":0,"val":"invites","end":""},{"old":"/api/v1/invites/:id","type":1,"val":"id","end":""}],
    types: placeholder as Registry['api.invites.destroy']['types'],
  },
  'api.not_found': {
    methods: ["HEAD","OPTIONS","GET","POST","PUT","PATCH","DELETE"],
    pattern: '/api/*',
    tokens: [{"old":"/api/*","type":0,"val":"api","end":""},{"old":"/api/*","type":2,"val":"*","end":""}],
    types: placeholder as Registry['api.not_found']['types'],
  },
} as const satisfies Record<string, AdonisEndpoint>

export { routes }

export const registry = {
  routes,
  $tree: {} as ApiDefinition,
}

declare module '@tuyau/core/types' {
  export interface UserRegistry {
    routes: typeof routes
    $tree: ApiDefinition
  }
}
