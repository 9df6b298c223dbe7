/* eslint-disable prettier/prettier */
/// <reference path="../manifest.d.ts" />

import type { ExtractBody, ExtractErrorResponse, ExtractQuery, ExtractQueryForGet, ExtractResponse } from '@tuyau/core/types'
import type { InferInput, SimpleError } from '@vinejs/vine/types'

export type ParamValue = string | number | bigint | boolean

export interface Registry {
  'metrics.show': {
    methods: ["GET","HEAD"]
    pattern: '/metrics'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/metrics_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/metrics_controller').default['show']>>>
    }
  }
  'health.show': {
    methods: ["GET","HEAD"]
    pattern: '/health'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/health_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/health_controller').default['show']>>>
    }
  }
  'home': {
    methods: ["GET","HEAD"]
    pattern: '/'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/dashboard_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/dashboard_controller').default['index']>>>
    }
  }
  'setup.create': {
    methods: ["GET","HEAD"]
    pattern: '/setup'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/setup_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/setup_controller').default['create']>>>
    }
  }
  'setup.store': {
    methods: ["POST"]
    pattern: '/setup'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/organization').setupValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/organization').setupValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/setup_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/setup_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'join.show': {
    methods: ["GET","HEAD"]
    pattern: '/join/:token'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/join_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/join_controller').default['show']>>>
    }
  }
  'join.store': {
    methods: ["POST"]
    pattern: '/join/:token'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').joinRequestValidator)>|InferInput<(typeof import('#validators/user').newAccountValidator)>>
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/user').joinRequestValidator)>|InferInput<(typeof import('#validators/user').newAccountValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/join_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/join_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'join.confirm': {
    methods: ["GET","HEAD"]
    pattern: '/join/:token/confirm'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/join_controller').default['confirm']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/join_controller').default['confirm']>>>
    }
  }
  'session.create': {
    methods: ["GET","HEAD"]
    pattern: '/login'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auth/session_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auth/session_controller').default['create']>>>
    }
  }
  'session.store': {
    methods: ["POST"]
    pattern: '/login'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').loginValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').loginValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auth/session_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auth/session_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'password_resets.create': {
    methods: ["GET","HEAD"]
    pattern: '/forgot-password'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auth/password_resets_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auth/password_resets_controller').default['create']>>>
    }
  }
  'password_resets.store': {
    methods: ["POST"]
    pattern: '/forgot-password'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').forgotPasswordValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').forgotPasswordValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auth/password_resets_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auth/password_resets_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'password_resets.edit': {
    methods: ["GET","HEAD"]
    pattern: '/reset-password/:token'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auth/password_resets_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auth/password_resets_controller').default['edit']>>>
    }
  }
  'password_resets.update': {
    methods: ["POST"]
    pattern: '/reset-password'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').resetPasswordValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').resetPasswordValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auth/password_resets_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auth/password_resets_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'session.destroy': {
    methods: ["POST"]
    pattern: '/logout'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auth/session_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auth/session_controller').default['destroy']>>>
    }
  }
  'organizations.create': {
    methods: ["GET","HEAD"]
    pattern: '/organizations/new'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/organizations_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/organizations_controller').default['create']>>>
    }
  }
  'organizations.store': {
    methods: ["POST"]
    pattern: '/organizations'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/organization').organizationNameValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/organization').organizationNameValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/organizations_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/organizations_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'organizations.switch': {
    methods: ["POST"]
    pattern: '/organizations/:id/switch'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/organizations_controller').default['switch']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/organizations_controller').default['switch']>>>
    }
  }
  'profile.edit': {
    methods: ["GET","HEAD"]
    pattern: '/account'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/profile_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/profile_controller').default['edit']>>>
    }
  }
  'profile.update': {
    methods: ["PUT"]
    pattern: '/account'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').profileValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').profileValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/profile_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/profile_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'profile.update_password': {
    methods: ["PUT"]
    pattern: '/account/password'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/user').changePasswordValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/user').changePasswordValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/profile_controller').default['updatePassword']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/profile_controller').default['updatePassword']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'waiting.show': {
    methods: ["GET","HEAD"]
    pattern: '/waiting'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/waiting_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/waiting_controller').default['show']>>>
    }
  }
  'dashboard': {
    methods: ["GET","HEAD"]
    pattern: '/dashboard'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/dashboard_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/dashboard_controller').default['show']>>>
    }
  }
  'api_tokens.index': {
    methods: ["GET","HEAD"]
    pattern: '/account/tokens'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/api_tokens_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/api_tokens_controller').default['index']>>>
    }
  }
  'api_tokens.store': {
    methods: ["POST"]
    pattern: '/account/tokens'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/api_token').createApiTokenValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/api_token').createApiTokenValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/api_tokens_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/api_tokens_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api_tokens.destroy': {
    methods: ["DELETE"]
    pattern: '/account/tokens/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/api_tokens_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/api_tokens_controller').default['destroy']>>>
    }
  }
  'organization_settings.edit': {
    methods: ["GET","HEAD"]
    pattern: '/settings/organization'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/organization_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/organization_controller').default['edit']>>>
    }
  }
  'organization_settings.update': {
    methods: ["PUT"]
    pattern: '/settings/organization'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/organization').updateOrganizationValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/organization').updateOrganizationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/organization_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/organization_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'members.index': {
    methods: ["GET","HEAD"]
    pattern: '/members'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/members_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/members_controller').default['index']>>>
    }
  }
  'members.update': {
    methods: ["PUT"]
    pattern: '/members/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/member').changeRoleValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/member').changeRoleValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/members_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/members_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'members.update_status': {
    methods: ["PUT"]
    pattern: '/members/:id/status'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/member').changeStatusValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/member').changeStatusValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/members_controller').default['updateStatus']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/members_controller').default['updateStatus']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'members.destroy': {
    methods: ["DELETE"]
    pattern: '/members/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/members_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/members_controller').default['destroy']>>>
    }
  }
  'invites.index': {
    methods: ["GET","HEAD"]
    pattern: '/invites'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/invites_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/invites_controller').default['index']>>>
    }
  }
  'invites.store': {
    methods: ["POST"]
    pattern: '/invites'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/invite').createInviteValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/invite').createInviteValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/invites_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/invites_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'invites.destroy': {
    methods: ["DELETE"]
    pattern: '/invites/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/invites_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/invites_controller').default['destroy']>>>
    }
  }
  'webhooks.store': {
    methods: ["POST"]
    pattern: '/webhooks/:provider/:accountId/:kind?'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { provider: ParamValue; accountId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/webhooks_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/webhooks_controller').default['store']>>>
    }
  }
  'provider_accounts.index': {
    methods: ["GET","HEAD"]
    pattern: '/settings/providers'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['index']>>>
    }
  }
  'provider_accounts.create': {
    methods: ["GET","HEAD"]
    pattern: '/settings/providers/new'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['create']>>>
    }
  }
  'provider_accounts.store': {
    methods: ["POST"]
    pattern: '/settings/providers'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/provider_account').createProviderAccountValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/provider_account').createProviderAccountValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'provider_accounts.edit': {
    methods: ["GET","HEAD"]
    pattern: '/settings/providers/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['edit']>>>
    }
  }
  'provider_accounts.update': {
    methods: ["PUT"]
    pattern: '/settings/providers/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/provider_account').updateProviderAccountValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/provider_account').updateProviderAccountValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'provider_accounts.test_message': {
    methods: ["POST"]
    pattern: '/settings/providers/:id/test-message'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/provider_account').testMessageValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/provider_account').testMessageValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['testMessage']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['testMessage']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'provider_accounts.check': {
    methods: ["POST"]
    pattern: '/settings/providers/:id/check'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['check']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['check']>>>
    }
  }
  'provider_accounts.enable': {
    methods: ["POST"]
    pattern: '/settings/providers/:id/enable'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['enable']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['enable']>>>
    }
  }
  'provider_accounts.registration': {
    methods: ["PUT"]
    pattern: '/settings/providers/:id/registration'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/provider_account').senderRegistrationValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/provider_account').senderRegistrationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['registration']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/provider_accounts_controller').default['registration']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'outbox_reviews.resend': {
    methods: ["POST"]
    pattern: '/settings/outbox/:id/resend'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/outbox_reviews_controller').default['resend']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/outbox_reviews_controller').default['resend']>>>
    }
  }
  'outbox_reviews.discard': {
    methods: ["POST"]
    pattern: '/settings/outbox/:id/discard'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/outbox_reviews_controller').default['discard']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/outbox_reviews_controller').default['discard']>>>
    }
  }
  'api.provider_accounts.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/provider-accounts'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/provider_accounts_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/provider_accounts_controller').default['index']>>>
    }
  }
  'api.provider_accounts.store': {
    methods: ["POST"]
    pattern: '/api/v1/provider-accounts'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/provider_account').createProviderAccountValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/provider_account').createProviderAccountValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/provider_accounts_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/provider_accounts_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.provider_accounts.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/provider-accounts/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/provider_accounts_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/provider_accounts_controller').default['show']>>>
    }
  }
  'api.provider_accounts.test_message': {
    methods: ["POST"]
    pattern: '/api/v1/provider-accounts/:id/test-message'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/provider_account').testMessageValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/provider_account').testMessageValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/provider_accounts_controller').default['testMessage']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/provider_accounts_controller').default['testMessage']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.messages.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/messages'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/message').messageFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/messages_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/messages_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.messages.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/messages/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/messages_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/messages_controller').default['show']>>>
    }
  }
  'imports.index': {
    methods: ["GET","HEAD"]
    pattern: '/imports'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['index']>>>
    }
  }
  'imports.create': {
    methods: ["GET","HEAD"]
    pattern: '/imports/new'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['create']>>>
    }
  }
  'imports.store': {
    methods: ["POST"]
    pattern: '/imports'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['store']>>>
    }
  }
  'imports.show': {
    methods: ["GET","HEAD"]
    pattern: '/imports/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['show']>>>
    }
  }
  'imports.remap': {
    methods: ["PUT"]
    pattern: '/imports/:id/mapping'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/import').startImportValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/import').startImportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['remap']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['remap']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'imports.start': {
    methods: ["POST"]
    pattern: '/imports/:id/start'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/import').startImportValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/import').startImportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['start']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['start']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'imports.resume': {
    methods: ["POST"]
    pattern: '/imports/:id/resume'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['resume']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['resume']>>>
    }
  }
  'imports.report': {
    methods: ["GET","HEAD"]
    pattern: '/imports/:id/report'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['report']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/imports_controller').default['report']>>>
    }
  }
  'api.imports.store': {
    methods: ["POST"]
    pattern: '/api/v1/imports'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/import').createImportValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/import').createImportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/imports_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/imports_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.imports.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/imports/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/imports_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/imports_controller').default['show']>>>
    }
  }
  'api.imports.resume': {
    methods: ["POST"]
    pattern: '/api/v1/imports/:id/resume'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/imports_controller').default['resume']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/imports_controller').default['resume']>>>
    }
  }
  'api.imports.report': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/imports/:id/report'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/imports_controller').default['report']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/imports_controller').default['report']>>>
    }
  }
  'fake_carrier.account': {
    methods: ["GET","HEAD"]
    pattern: '/fake-carrier/accounts/:accountId'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { accountId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/fake_carrier/messages_controller').default['account']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/fake_carrier/messages_controller').default['account']>>>
    }
  }
  'fake_carrier.messages.store': {
    methods: ["POST"]
    pattern: '/fake-carrier/accounts/:accountId/messages'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/fake_carrier').carrierSendValidator)>>
      paramsTuple: [ParamValue]
      params: { accountId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/fake_carrier').carrierSendValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/fake_carrier/messages_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/fake_carrier/messages_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'fake_carrier.messages.index': {
    methods: ["GET","HEAD"]
    pattern: '/fake-carrier/accounts/:accountId/messages'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { accountId: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/fake_carrier').carrierLookupValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/fake_carrier/messages_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/fake_carrier/messages_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'fake_carrier.messages.show': {
    methods: ["GET","HEAD"]
    pattern: '/fake-carrier/accounts/:accountId/messages/:sid'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { accountId: ParamValue; sid: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/fake_carrier/messages_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/fake_carrier/messages_controller').default['show']>>>
    }
  }
  'phones.index': {
    methods: ["GET","HEAD"]
    pattern: '/phones'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/phones_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/phones_controller').default['index']>>>
    }
  }
  'phones.show': {
    methods: ["GET","HEAD"]
    pattern: '/phones/:accountId/:phone'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { accountId: ParamValue; phone: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/phones_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/phones_controller').default['show']>>>
    }
  }
  'phones.store': {
    methods: ["POST"]
    pattern: '/phones/:accountId/texts'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/fake_carrier').phoneTextValidator)>>
      paramsTuple: [ParamValue]
      params: { accountId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/fake_carrier').phoneTextValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/phones_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/phones_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'contacts.index': {
    methods: ["GET","HEAD"]
    pattern: '/contacts'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/contact').contactFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'contacts.memberships': {
    methods: ["POST"]
    pattern: '/contacts/memberships'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact').bulkMembershipValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/contact').bulkMembershipValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['memberships']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['memberships']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'contacts.show': {
    methods: ["GET","HEAD"]
    pattern: '/contacts/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['show']>>>
    }
  }
  'contacts.edit': {
    methods: ["GET","HEAD"]
    pattern: '/contacts/:id/edit'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['edit']>>>
    }
  }
  'contacts.update': {
    methods: ["PUT"]
    pattern: '/contacts/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact').updateContactValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/contact').updateContactValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'contacts.erase': {
    methods: ["POST"]
    pattern: '/contacts/:id/erase'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact').eraseContactValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/contact').eraseContactValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['erase']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/contacts_controller').default['erase']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'lists.index': {
    methods: ["GET","HEAD"]
    pattern: '/lists'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/lists_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/lists_controller').default['index']>>>
    }
  }
  'lists.store': {
    methods: ["POST"]
    pattern: '/lists'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact_list').listNameValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/contact_list').listNameValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/lists_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/lists_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'lists.update': {
    methods: ["PUT"]
    pattern: '/lists/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact_list').listNameValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/contact_list').listNameValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/lists_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/lists_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'lists.destroy': {
    methods: ["DELETE"]
    pattern: '/lists/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/lists_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/lists_controller').default['destroy']>>>
    }
  }
  'tags.store': {
    methods: ["POST"]
    pattern: '/tags'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact_list').tagNameValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/contact_list').tagNameValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/tags_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/tags_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'tags.update': {
    methods: ["PUT"]
    pattern: '/tags/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact_list').tagNameValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/contact_list').tagNameValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/tags_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/tags_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'tags.destroy': {
    methods: ["DELETE"]
    pattern: '/tags/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/tags_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/tags_controller').default['destroy']>>>
    }
  }
  'segments.index': {
    methods: ["GET","HEAD"]
    pattern: '/segments'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['index']>>>
    }
  }
  'segments.create': {
    methods: ["GET","HEAD"]
    pattern: '/segments/new'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['create']>>>
    }
  }
  'segments.store': {
    methods: ["POST"]
    pattern: '/segments'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/segment').segmentValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/segment').segmentValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'segments.preview': {
    methods: ["POST"]
    pattern: '/segments/preview'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/segment').segmentPreviewValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/segment').segmentPreviewValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['preview']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['preview']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'segments.edit': {
    methods: ["GET","HEAD"]
    pattern: '/segments/:id/edit'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['edit']>>>
    }
  }
  'segments.update': {
    methods: ["PUT"]
    pattern: '/segments/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/segment').renameSegmentValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/segment').renameSegmentValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'segments.destroy': {
    methods: ["DELETE"]
    pattern: '/segments/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/segments_controller').default['destroy']>>>
    }
  }
  'opt_outs.index': {
    methods: ["GET","HEAD"]
    pattern: '/opt-outs'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/opt_out').optOutSearchValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/opt_outs_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/opt_outs_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'opt_outs.store': {
    methods: ["POST"]
    pattern: '/opt-outs'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/opt_out').optOutValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/opt_out').optOutValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/opt_outs_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/opt_outs_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'opt_outs.import': {
    methods: ["POST"]
    pattern: '/opt-outs/import'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/opt_out').optOutImportValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/opt_out').optOutImportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/opt_outs_controller').default['import']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/opt_outs_controller').default['import']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'opt_outs.export': {
    methods: ["GET","HEAD"]
    pattern: '/opt-outs/export'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/opt_outs_controller').default['export']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/opt_outs_controller').default['export']>>>
    }
  }
  'opt_outs.destroy': {
    methods: ["DELETE"]
    pattern: '/opt-outs/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/opt_out').liftOptOutValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/opt_out').liftOptOutValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/opt_outs_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/opt_outs_controller').default['destroy']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.contacts.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/contacts'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/contact').contactFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/contacts_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/contacts_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.contacts.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/contacts/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/contacts_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/contacts_controller').default['show']>>>
    }
  }
  'api.contacts.upsert': {
    methods: ["PUT"]
    pattern: '/api/v1/contacts'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact').upsertContactsValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/contact').upsertContactsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/contacts_controller').default['upsert']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/contacts_controller').default['upsert']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.contacts.update': {
    methods: ["PATCH"]
    pattern: '/api/v1/contacts/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact').patchContactValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/contact').patchContactValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/contacts_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/contacts_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.contacts.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/contacts/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact').eraseContactValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/contact').eraseContactValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/contacts_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/contacts_controller').default['destroy']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.lists.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/lists'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/pagination').paginationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/lists_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/lists_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.lists.store': {
    methods: ["POST"]
    pattern: '/api/v1/lists'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact_list').listNameValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/contact_list').listNameValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/lists_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/lists_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.segments.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/segments'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/pagination').paginationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/segments_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/segments_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.segments.store': {
    methods: ["POST"]
    pattern: '/api/v1/segments'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/segment').segmentValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/segment').segmentValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/segments_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/segments_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.segments.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/segments/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/segments_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/segments_controller').default['show']>>>
    }
  }
  'api.segments.update': {
    methods: ["PATCH"]
    pattern: '/api/v1/segments/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/segment').renameSegmentValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/segment').renameSegmentValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/segments_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/segments_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.segments.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/segments/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/segments_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/segments_controller').default['destroy']>>>
    }
  }
  'api.opt_outs.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/opt-outs'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/opt_out').optOutFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/opt_outs_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/opt_outs_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.opt_outs.store': {
    methods: ["POST"]
    pattern: '/api/v1/opt-outs'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/opt_out').optOutValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/opt_out').optOutValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/opt_outs_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/opt_outs_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'campaigns.index': {
    methods: ["GET","HEAD"]
    pattern: '/campaigns'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['index']>>>
    }
  }
  'campaigns.create': {
    methods: ["GET","HEAD"]
    pattern: '/campaigns/new'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['create']>>>
    }
  }
  'campaigns.store': {
    methods: ["POST"]
    pattern: '/campaigns'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/campaign').campaignValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/campaign').campaignValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'campaigns.audience_count': {
    methods: ["POST"]
    pattern: '/campaigns/audience-count'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/campaign').audienceCountValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/campaign').audienceCountValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['audienceCount']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['audienceCount']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'campaigns.preview': {
    methods: ["POST"]
    pattern: '/campaigns/preview'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/campaign').campaignPreviewValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/campaign').campaignPreviewValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['preview']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['preview']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'campaigns.show': {
    methods: ["GET","HEAD"]
    pattern: '/campaigns/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['show']>>>
    }
  }
  'campaigns.edit': {
    methods: ["GET","HEAD"]
    pattern: '/campaigns/:id/edit'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['edit']>>>
    }
  }
  'campaigns.update': {
    methods: ["PUT"]
    pattern: '/campaigns/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/campaign').campaignValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/campaign').campaignValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'campaigns.launch': {
    methods: ["POST"]
    pattern: '/campaigns/:id/launch'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['launch']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['launch']>>>
    }
  }
  'campaigns.pause': {
    methods: ["POST"]
    pattern: '/campaigns/:id/pause'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['pause']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['pause']>>>
    }
  }
  'campaigns.resume': {
    methods: ["POST"]
    pattern: '/campaigns/:id/resume'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['resume']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['resume']>>>
    }
  }
  'campaigns.complete': {
    methods: ["POST"]
    pattern: '/campaigns/:id/complete'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['complete']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['complete']>>>
    }
  }
  'campaigns.archive': {
    methods: ["POST"]
    pattern: '/campaigns/:id/archive'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['archive']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['archive']>>>
    }
  }
  'campaigns.copy': {
    methods: ["POST"]
    pattern: '/campaigns/:id/copy'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['copy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaigns_controller').default['copy']>>>
    }
  }
  'api.campaigns.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/campaigns'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/pagination').paginationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.campaigns.store': {
    methods: ["POST"]
    pattern: '/api/v1/campaigns'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/campaign').campaignValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/campaign').campaignValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.campaigns.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/campaigns/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['show']>>>
    }
  }
  'api.campaigns.update': {
    methods: ["PUT"]
    pattern: '/api/v1/campaigns/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/campaign').campaignValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/campaign').campaignValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.campaigns.launch': {
    methods: ["POST"]
    pattern: '/api/v1/campaigns/:id/launch'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['launch']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['launch']>>>
    }
  }
  'api.campaigns.pause': {
    methods: ["POST"]
    pattern: '/api/v1/campaigns/:id/pause'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['pause']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['pause']>>>
    }
  }
  'api.campaigns.resume': {
    methods: ["POST"]
    pattern: '/api/v1/campaigns/:id/resume'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['resume']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['resume']>>>
    }
  }
  'api.campaigns.complete': {
    methods: ["POST"]
    pattern: '/api/v1/campaigns/:id/complete'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['complete']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['complete']>>>
    }
  }
  'api.campaigns.archive': {
    methods: ["POST"]
    pattern: '/api/v1/campaigns/:id/archive'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['archive']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['archive']>>>
    }
  }
  'api.campaigns.copy': {
    methods: ["POST"]
    pattern: '/api/v1/campaigns/:id/copy'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/campaign').copyCampaignValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/campaign').copyCampaignValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['copy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaigns_controller').default['copy']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.canned_responses.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/canned-responses'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/canned_responses_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/canned_responses_controller').default['index']>>>
    }
  }
  'api.canned_responses.store': {
    methods: ["POST"]
    pattern: '/api/v1/canned-responses'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/campaign').cannedResponseValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/campaign').cannedResponseValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/canned_responses_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/canned_responses_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.canned_responses.update': {
    methods: ["PUT"]
    pattern: '/api/v1/canned-responses/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/campaign').cannedResponseValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/campaign').cannedResponseValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/canned_responses_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/canned_responses_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.canned_responses.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/canned-responses/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/canned_responses_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/canned_responses_controller').default['destroy']>>>
    }
  }
  'scripts.preview': {
    methods: ["POST"]
    pattern: '/scripts/preview'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/script').scriptPreviewValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/script').scriptPreviewValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/scripts_controller').default['preview']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/scripts_controller').default['preview']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.messages.preview': {
    methods: ["POST"]
    pattern: '/api/v1/messages/preview'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/script').scriptPreviewValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/script').scriptPreviewValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/scripts_controller').default['preview']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/scripts_controller').default['preview']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'texting_hours.edit': {
    methods: ["GET","HEAD"]
    pattern: '/settings/texting-hours'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/texting_hours_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/texting_hours_controller').default['edit']>>>
    }
  }
  'texting_hours.update': {
    methods: ["PUT"]
    pattern: '/settings/texting-hours'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/texting_hours').textingHourRulesValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/texting_hours').textingHourRulesValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/texting_hours_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/texting_hours_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'canned_responses.index': {
    methods: ["GET","HEAD"]
    pattern: '/settings/canned-responses'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/canned_responses_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/canned_responses_controller').default['index']>>>
    }
  }
  'canned_responses.store': {
    methods: ["POST"]
    pattern: '/settings/canned-responses'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/campaign').cannedResponseValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/campaign').cannedResponseValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/canned_responses_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/canned_responses_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'canned_responses.update': {
    methods: ["PUT"]
    pattern: '/settings/canned-responses/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/campaign').cannedResponseValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/campaign').cannedResponseValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/canned_responses_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/canned_responses_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'canned_responses.destroy': {
    methods: ["DELETE"]
    pattern: '/settings/canned-responses/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/canned_responses_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/canned_responses_controller').default['destroy']>>>
    }
  }
  'texting.index': {
    methods: ["GET","HEAD"]
    pattern: '/texting'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['index']>>>
    }
  }
  'texting.show': {
    methods: ["GET","HEAD"]
    pattern: '/texting/campaigns/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['show']>>>
    }
  }
  'texting.next': {
    methods: ["GET","HEAD"]
    pattern: '/texting/campaigns/:id/next'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/texting').nextCardsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['next']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['next']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'texting.claim': {
    methods: ["POST"]
    pattern: '/texting/campaigns/:id/claim'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['claim']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['claim']>>>
    }
  }
  'texting.send': {
    methods: ["POST"]
    pattern: '/texting/campaigns/:id/send'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/texting').sendInitialValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/texting').sendInitialValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['send']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['send']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'texting.skip': {
    methods: ["POST"]
    pattern: '/texting/campaigns/:id/skip'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/texting').texterContactValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/texting').texterContactValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['skip']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['skip']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'texting.opt_out': {
    methods: ["POST"]
    pattern: '/texting/campaigns/:id/opt-out'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/texting').texterContactValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/texting').texterContactValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['optOut']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['optOut']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'texting.release': {
    methods: ["POST"]
    pattern: '/texting/campaigns/:id/release'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['release']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/texting_controller').default['release']>>>
    }
  }
  'campaign_texters.index': {
    methods: ["GET","HEAD"]
    pattern: '/campaigns/:id/texters'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaign_texters_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaign_texters_controller').default['index']>>>
    }
  }
  'campaign_texters.assign': {
    methods: ["POST"]
    pattern: '/campaigns/:id/assignments'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/assignment').assignmentValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/assignment').assignmentValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaign_texters_controller').default['assign']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaign_texters_controller').default['assign']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'campaign_texters.reply_handlers': {
    methods: ["PUT"]
    pattern: '/campaigns/:id/reply-handlers'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/assignment').replyHandlersValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/assignment').replyHandlersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaign_texters_controller').default['replyHandlers']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaign_texters_controller').default['replyHandlers']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'campaign_reviews.index': {
    methods: ["GET","HEAD"]
    pattern: '/campaigns/:id/review'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/assignment').conversationFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaign_reviews_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaign_reviews_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'tags.escalation': {
    methods: ["PUT"]
    pattern: '/tags/:id/escalation'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/contact_list').tagEscalationValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/contact_list').tagEscalationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/tags_controller').default['escalation']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/tags_controller').default['escalation']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.assignments.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/campaigns/:id/assignments'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/assignments_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/assignments_controller').default['index']>>>
    }
  }
  'api.assignments.store': {
    methods: ["POST"]
    pattern: '/api/v1/campaigns/:id/assignments'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/assignment').assignmentValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/assignment').assignmentValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/assignments_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/assignments_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.campaign_conversations.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/campaigns/:id/conversations'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/assignment').conversationFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaign_conversations_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaign_conversations_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'campaigns.report': {
    methods: ["GET","HEAD"]
    pattern: '/campaigns/:id/report'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/campaign_reports_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/campaign_reports_controller').default['show']>>>
    }
  }
  'exports.store': {
    methods: ["POST"]
    pattern: '/campaigns/:id/exports'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/export').exportValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/export').exportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/exports_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/exports_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'exports.download': {
    methods: ["GET","HEAD"]
    pattern: '/exports/:id/download'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/exports_controller').default['download']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/exports_controller').default['download']>>>
    }
  }
  'api.campaigns.stats': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/campaigns/:id/stats'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/campaign_stats_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/campaign_stats_controller').default['show']>>>
    }
  }
  'api.exports.store': {
    methods: ["POST"]
    pattern: '/api/v1/campaigns/:id/exports'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/export').exportValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/export').exportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/exports_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/exports_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.exports.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/exports/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/exports_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/exports_controller').default['show']>>>
    }
  }
  'api.exports.download': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/exports/:id/download'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/exports_controller').default['download']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/exports_controller').default['download']>>>
    }
  }
  'conversations.index': {
    methods: ["GET","HEAD"]
    pattern: '/conversations'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/conversation').conversationListValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'conversations.show': {
    methods: ["GET","HEAD"]
    pattern: '/conversations/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['show']>>>
    }
  }
  'conversations.reply': {
    methods: ["POST"]
    pattern: '/conversations/:id/messages'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/conversation').replyValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/conversation').replyValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['reply']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['reply']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'conversations.answer': {
    methods: ["POST"]
    pattern: '/conversations/:id/answers'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/conversation').answerValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/conversation').answerValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['answer']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['answer']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'conversations.opt_out': {
    methods: ["POST"]
    pattern: '/conversations/:id/opt-out'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/conversation').conversationOptOutValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/conversation').conversationOptOutValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['optOut']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['optOut']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'conversations.close': {
    methods: ["POST"]
    pattern: '/conversations/:id/close'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['close']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['close']>>>
    }
  }
  'conversations.tag': {
    methods: ["POST"]
    pattern: '/conversations/:id/tags'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/conversation').conversationTagValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/conversation').conversationTagValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['tag']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['tag']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'conversations.untag': {
    methods: ["DELETE"]
    pattern: '/conversations/:id/tags/:tagId'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; tagId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['untag']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/conversations_controller').default['untag']>>>
    }
  }
  'auto_answers.index': {
    methods: ["GET","HEAD"]
    pattern: '/auto-answers'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auto_answers_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auto_answers_controller').default['index']>>>
    }
  }
  'auto_answers.store': {
    methods: ["POST"]
    pattern: '/auto-answers'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/auto_answer').autoAnswerValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/auto_answer').autoAnswerValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auto_answers_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auto_answers_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'auto_answers.try': {
    methods: ["POST"]
    pattern: '/auto-answers/try'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/auto_answer').autoAnswerTryValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/auto_answer').autoAnswerTryValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auto_answers_controller').default['try']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auto_answers_controller').default['try']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'auto_answers.update': {
    methods: ["PUT"]
    pattern: '/auto-answers/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/auto_answer').autoAnswerValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/auto_answer').autoAnswerValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auto_answers_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auto_answers_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'auto_answers.destroy': {
    methods: ["DELETE"]
    pattern: '/auto-answers/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auto_answers_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auto_answers_controller').default['destroy']>>>
    }
  }
  'api.auto_answers.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/auto-answers'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/auto_answers_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/auto_answers_controller').default['index']>>>
    }
  }
  'api.auto_answers.store': {
    methods: ["POST"]
    pattern: '/api/v1/auto-answers'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/auto_answer').autoAnswerValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/auto_answer').autoAnswerValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/auto_answers_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/auto_answers_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.auto_answers.update': {
    methods: ["PUT"]
    pattern: '/api/v1/auto-answers/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/auto_answer').autoAnswerValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/auto_answer').autoAnswerValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/auto_answers_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/auto_answers_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.auto_answers.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/auto-answers/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/auto_answers_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/auto_answers_controller').default['destroy']>>>
    }
  }
  'audit_events.index': {
    methods: ["GET","HEAD"]
    pattern: '/settings/audit'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/audit_event').auditEventFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/audit_events_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/audit_events_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'audit_events.export': {
    methods: ["GET","HEAD"]
    pattern: '/settings/audit/export'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/audit_event').auditExportFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/audit_events_controller').default['export']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/audit_events_controller').default['export']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.audit_events.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/audit-events'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/audit_event').auditEventFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/audit_events_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/audit_events_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.webhook_endpoints.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/webhook-endpoints'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['index']>>>
    }
  }
  'api.webhook_endpoints.store': {
    methods: ["POST"]
    pattern: '/api/v1/webhook-endpoints'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook_endpoint').createWebhookEndpointValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook_endpoint').createWebhookEndpointValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.webhook_endpoints.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/webhook-endpoints/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['show']>>>
    }
  }
  'api.webhook_endpoints.update': {
    methods: ["PATCH"]
    pattern: '/api/v1/webhook-endpoints/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook_endpoint').updateWebhookEndpointValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook_endpoint').updateWebhookEndpointValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.webhook_endpoints.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/webhook-endpoints/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['destroy']>>>
    }
  }
  'api.webhook_endpoints.test': {
    methods: ["POST"]
    pattern: '/api/v1/webhook-endpoints/:id/test'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['test']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['test']>>>
    }
  }
  'api.webhook_deliveries.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/webhook-endpoints/:id/deliveries'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_deliveries_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_deliveries_controller').default['index']>>>
    }
  }
  'api.webhook_deliveries.resend': {
    methods: ["POST"]
    pattern: '/api/v1/webhook-endpoints/:id/deliveries/:deliveryId/resend'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; deliveryId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_deliveries_controller').default['resend']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_deliveries_controller').default['resend']>>>
    }
  }
  'webhook_endpoints.index': {
    methods: ["GET","HEAD"]
    pattern: '/settings/webhooks'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['index']>>>
    }
  }
  'webhook_endpoints.store': {
    methods: ["POST"]
    pattern: '/settings/webhooks'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook_endpoint').createWebhookEndpointValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook_endpoint').createWebhookEndpointValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'webhook_endpoints.edit': {
    methods: ["GET","HEAD"]
    pattern: '/settings/webhooks/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['edit']>>>
    }
  }
  'webhook_endpoints.update': {
    methods: ["PUT"]
    pattern: '/settings/webhooks/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook_endpoint').updateWebhookEndpointValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook_endpoint').updateWebhookEndpointValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'webhook_endpoints.destroy': {
    methods: ["DELETE"]
    pattern: '/settings/webhooks/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['destroy']>>>
    }
  }
  'webhook_endpoints.test': {
    methods: ["POST"]
    pattern: '/settings/webhooks/:id/test'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['test']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['test']>>>
    }
  }
  'webhook_deliveries.resend': {
    methods: ["POST"]
    pattern: '/settings/webhooks/:id/deliveries/:deliveryId/resend'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; deliveryId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['resend']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/webhook_endpoints_controller').default['resend']>>>
    }
  }
  'two_factor_challenge.create': {
    methods: ["GET","HEAD"]
    pattern: '/login/two-factor'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auth/two_factor_challenge_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auth/two_factor_challenge_controller').default['create']>>>
    }
  }
  'two_factor_challenge.store': {
    methods: ["POST"]
    pattern: '/login/two-factor'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/two_factor').twoFactorCodeValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/two_factor').twoFactorCodeValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/auth/two_factor_challenge_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/auth/two_factor_challenge_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'two_factor.show': {
    methods: ["GET","HEAD"]
    pattern: '/account/two-factor'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/two_factor_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/two_factor_controller').default['show']>>>
    }
  }
  'two_factor.store': {
    methods: ["POST"]
    pattern: '/account/two-factor'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/two_factor_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/two_factor_controller').default['store']>>>
    }
  }
  'two_factor.confirm': {
    methods: ["POST"]
    pattern: '/account/two-factor/confirm'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/two_factor').twoFactorCodeValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/two_factor').twoFactorCodeValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/two_factor_controller').default['confirm']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/two_factor_controller').default['confirm']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'two_factor.regenerate': {
    methods: ["POST"]
    pattern: '/account/two-factor/recovery-codes'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/two_factor_controller').default['regenerate']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/two_factor_controller').default['regenerate']>>>
    }
  }
  'two_factor.destroy': {
    methods: ["DELETE"]
    pattern: '/account/two-factor'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/two_factor').disableTwoFactorValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/two_factor').disableTwoFactorValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/two_factor_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/two_factor_controller').default['destroy']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'account_sessions.index': {
    methods: ["GET","HEAD"]
    pattern: '/account/sessions'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/sessions_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/sessions_controller').default['index']>>>
    }
  }
  'account_sessions.destroy_others': {
    methods: ["DELETE"]
    pattern: '/account/sessions/others'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/sessions_controller').default['destroyOthers']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/sessions_controller').default['destroyOthers']>>>
    }
  }
  'account_sessions.destroy': {
    methods: ["DELETE"]
    pattern: '/account/sessions/:handle'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { handle: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/sessions_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/sessions_controller').default['destroy']>>>
    }
  }
  'api.retention_preview.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/organization/retention-preview'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/organization').retentionPreviewValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/retention_previews_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/retention_previews_controller').default['show']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'integrations.index': {
    methods: ["GET","HEAD"]
    pattern: '/settings/integrations'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['index']>>>
    }
  }
  'integrations.store': {
    methods: ["POST"]
    pattern: '/settings/integrations'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/integration').integrationAccountValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/integration').integrationAccountValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'integrations.edit': {
    methods: ["GET","HEAD"]
    pattern: '/settings/integrations/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['edit']>>>
    }
  }
  'integrations.update': {
    methods: ["PUT"]
    pattern: '/settings/integrations/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/integration').integrationAccountValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/integration').integrationAccountValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'integrations.test': {
    methods: ["POST"]
    pattern: '/settings/integrations/:id/test'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['test']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['test']>>>
    }
  }
  'integrations.import': {
    methods: ["POST"]
    pattern: '/settings/integrations/:id/import'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['importNow']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['importNow']>>>
    }
  }
  'integrations.retry': {
    methods: ["POST"]
    pattern: '/settings/integrations/:id/items/:itemId/retry'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; itemId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['retry']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/integrations_controller').default['retry']>>>
    }
  }
  'integrations.mapping': {
    methods: ["GET","HEAD"]
    pattern: '/settings/integrations/:id/campaigns/:campaignId'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; campaignId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/integration_mappings_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/integration_mappings_controller').default['edit']>>>
    }
  }
  'integrations.mapping.update': {
    methods: ["PUT"]
    pattern: '/settings/integrations/:id/campaigns/:campaignId'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/integration').campaignMappingValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; campaignId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/integration').campaignMappingValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/integration_mappings_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/integration_mappings_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'tendlc_registrations.show': {
    methods: ["GET","HEAD"]
    pattern: '/settings/providers/:id/10dlc'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/tendlc_registrations_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/tendlc_registrations_controller').default['show']>>>
    }
  }
  'tendlc_registrations.brand': {
    methods: ["POST"]
    pattern: '/settings/providers/:id/10dlc/brand'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/tendlc_registration').brandValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/tendlc_registration').brandValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/tendlc_registrations_controller').default['brand']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/tendlc_registrations_controller').default['brand']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'tendlc_registrations.campaign': {
    methods: ["POST"]
    pattern: '/settings/providers/:id/10dlc/campaign'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/tendlc_registration').campaignValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/tendlc_registration').campaignValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/tendlc_registrations_controller').default['campaign']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/tendlc_registrations_controller').default['campaign']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'tendlc_registrations.refresh': {
    methods: ["POST"]
    pattern: '/settings/providers/:id/10dlc/refresh'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/tendlc_registrations_controller').default['refresh']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/tendlc_registrations_controller').default['refresh']>>>
    }
  }
  'email_unsubscribes.show': {
    methods: ["GET","HEAD"]
    pattern: '/email/unsubscribe/:userId/:kind'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { userId: ParamValue; kind: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/email_unsubscribes_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/email_unsubscribes_controller').default['show']>>>
    }
  }
  'email_unsubscribes.store': {
    methods: ["POST"]
    pattern: '/email/unsubscribe/:userId/:kind'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { userId: ParamValue; kind: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/email_unsubscribes_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/email_unsubscribes_controller').default['store']>>>
    }
  }
  'email_preferences.update': {
    methods: ["PUT"]
    pattern: '/account/notifications'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/notification').notificationPreferencesValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/notification').notificationPreferencesValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/account/email_preferences_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/account/email_preferences_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'email_previews.index': {
    methods: ["GET","HEAD"]
    pattern: '/settings/emails'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/settings/email_previews_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/settings/email_previews_controller').default['index']>>>
    }
  }
  'api.me.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/me'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/me_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/me_controller').default['show']>>>
    }
  }
  'api.organization.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/organization'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/organization_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/organization_controller').default['show']>>>
    }
  }
  'api.organization.update': {
    methods: ["PATCH"]
    pattern: '/api/v1/organization'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/organization').updateOrganizationValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/organization').updateOrganizationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/organization_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/organization_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.invites.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/invites'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/pagination').paginationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/invites_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/invites_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.invites.store': {
    methods: ["POST"]
    pattern: '/api/v1/invites'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/invite').createInviteValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/invite').createInviteValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/invites_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/invites_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.invites.destroy': {
    methods: ["DELETE"]
    pattern: '/api/v1/invites/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/invites_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/invites_controller').default['destroy']>>>
    }
  }
  'api.members.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/v1/members'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/member').memberFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/members_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/members_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.not_found': {
    methods: ["HEAD","OPTIONS","GET","POST","PUT","PATCH","DELETE"]
    pattern: '/api/*'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { '*': ParamValue[] }
      query: {}
      response: unknown
      errorResponse: unknown
    }
  }
  'transmit.events': {
    methods: ["GET","HEAD"]
    pattern: '/__transmit/events'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: unknown
      errorResponse: unknown
    }
  }
  'transmit.subscribe': {
    methods: ["POST"]
    pattern: '/__transmit/subscribe'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: unknown
      errorResponse: unknown
    }
  }
  'transmit.unsubscribe': {
    methods: ["POST"]
    pattern: '/__transmit/unsubscribe'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: unknown
      errorResponse: unknown
    }
  }
}
