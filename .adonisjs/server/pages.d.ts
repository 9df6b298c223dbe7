import '@adonisjs/inertia/types'

import type { VNodeProps, AllowedComponentProps, ComponentInstance } from 'vue'

type ExtractProps<T> = Omit<
  ComponentInstance<T>['$props'],
  keyof VNodeProps | keyof AllowedComponentProps
>

declare module '@adonisjs/inertia/types' {
  export interface InertiaPages {
    'account/api_tokens': ExtractProps<(typeof import('../../inertia/pages/account/api_tokens.vue'))['default']>
    'account/profile': ExtractProps<(typeof import('../../inertia/pages/account/profile.vue'))['default']>
    'account/sessions': ExtractProps<(typeof import('../../inertia/pages/account/sessions.vue'))['default']>
    'account/two_factor': ExtractProps<(typeof import('../../inertia/pages/account/two_factor.vue'))['default']>
    'auth/forgot_password': ExtractProps<(typeof import('../../inertia/pages/auth/forgot_password.vue'))['default']>
    'auth/login': ExtractProps<(typeof import('../../inertia/pages/auth/login.vue'))['default']>
    'auth/reset_password': ExtractProps<(typeof import('../../inertia/pages/auth/reset_password.vue'))['default']>
    'auth/two_factor': ExtractProps<(typeof import('../../inertia/pages/auth/two_factor.vue'))['default']>
    'auto_answers/index': ExtractProps<(typeof import('../../inertia/pages/auto_answers/index.vue'))['default']>
    'campaigns/edit': ExtractProps<(typeof import('../../inertia/pages/campaigns/edit.vue'))['default']>
    'campaigns/index': ExtractProps<(typeof import('../../inertia/pages/campaigns/index.vue'))['default']>
    'campaigns/report': ExtractProps<(typeof import('../../inertia/pages/campaigns/report.vue'))['default']>
    'campaigns/review': ExtractProps<(typeof import('../../inertia/pages/campaigns/review.vue'))['default']>
    'campaigns/show': ExtractProps<(typeof import('../../inertia/pages/campaigns/show.vue'))['default']>
    'campaigns/texters': ExtractProps<(typeof import('../../inertia/pages/campaigns/texters.vue'))['default']>
    'contacts/edit': ExtractProps<(typeof import('../../inertia/pages/contacts/edit.vue'))['default']>
    'contacts/index': ExtractProps<(typeof import('../../inertia/pages/contacts/index.vue'))['default']>
    'contacts/show': ExtractProps<(typeof import('../../inertia/pages/contacts/show.vue'))['default']>
    'conversations/index': ExtractProps<(typeof import('../../inertia/pages/conversations/index.vue'))['default']>
    'conversations/show': ExtractProps<(typeof import('../../inertia/pages/conversations/show.vue'))['default']>
    'dashboard': ExtractProps<(typeof import('../../inertia/pages/dashboard.vue'))['default']>
    'errors/forbidden': ExtractProps<(typeof import('../../inertia/pages/errors/forbidden.vue'))['default']>
    'errors/not_found': ExtractProps<(typeof import('../../inertia/pages/errors/not_found.vue'))['default']>
    'errors/server_error': ExtractProps<(typeof import('../../inertia/pages/errors/server_error.vue'))['default']>
    'errors/too_slow': ExtractProps<(typeof import('../../inertia/pages/errors/too_slow.vue'))['default']>
    'imports/create': ExtractProps<(typeof import('../../inertia/pages/imports/create.vue'))['default']>
    'imports/index': ExtractProps<(typeof import('../../inertia/pages/imports/index.vue'))['default']>
    'imports/show': ExtractProps<(typeof import('../../inertia/pages/imports/show.vue'))['default']>
    'integrations/edit': ExtractProps<(typeof import('../../inertia/pages/integrations/edit.vue'))['default']>
    'integrations/index': ExtractProps<(typeof import('../../inertia/pages/integrations/index.vue'))['default']>
    'integrations/mapping': ExtractProps<(typeof import('../../inertia/pages/integrations/mapping.vue'))['default']>
    'invites/index': ExtractProps<(typeof import('../../inertia/pages/invites/index.vue'))['default']>
    'join': ExtractProps<(typeof import('../../inertia/pages/join.vue'))['default']>
    'lists/index': ExtractProps<(typeof import('../../inertia/pages/lists/index.vue'))['default']>
    'members/index': ExtractProps<(typeof import('../../inertia/pages/members/index.vue'))['default']>
    'notifications/unsubscribe': ExtractProps<(typeof import('../../inertia/pages/notifications/unsubscribe.vue'))['default']>
    'opt_outs/index': ExtractProps<(typeof import('../../inertia/pages/opt_outs/index.vue'))['default']>
    'organizations/create': ExtractProps<(typeof import('../../inertia/pages/organizations/create.vue'))['default']>
    'phones/index': ExtractProps<(typeof import('../../inertia/pages/phones/index.vue'))['default']>
    'phones/show': ExtractProps<(typeof import('../../inertia/pages/phones/show.vue'))['default']>
    'provider_accounts/create': ExtractProps<(typeof import('../../inertia/pages/provider_accounts/create.vue'))['default']>
    'provider_accounts/edit': ExtractProps<(typeof import('../../inertia/pages/provider_accounts/edit.vue'))['default']>
    'provider_accounts/index': ExtractProps<(typeof import('../../inertia/pages/provider_accounts/index.vue'))['default']>
    'provider_accounts/tendlc': ExtractProps<(typeof import('../../inertia/pages/provider_accounts/tendlc.vue'))['default']>
    'segments/edit': ExtractProps<(typeof import('../../inertia/pages/segments/edit.vue'))['default']>
    'segments/index': ExtractProps<(typeof import('../../inertia/pages/segments/index.vue'))['default']>
    'settings/audit_events': ExtractProps<(typeof import('../../inertia/pages/settings/audit_events.vue'))['default']>
    'settings/canned_responses': ExtractProps<(typeof import('../../inertia/pages/settings/canned_responses.vue'))['default']>
    'settings/email_previews': ExtractProps<(typeof import('../../inertia/pages/settings/email_previews.vue'))['default']>
    'settings/organization': ExtractProps<(typeof import('../../inertia/pages/settings/organization.vue'))['default']>
    'settings/texting_hours': ExtractProps<(typeof import('../../inertia/pages/settings/texting_hours.vue'))['default']>
    'setup/create': ExtractProps<(typeof import('../../inertia/pages/setup/create.vue'))['default']>
    'texting/index': ExtractProps<(typeof import('../../inertia/pages/texting/index.vue'))['default']>
    'texting/send': ExtractProps<(typeof import('../../inertia/pages/texting/send.vue'))['default']>
    'waiting': ExtractProps<(typeof import('../../inertia/pages/waiting.vue'))['default']>
    'webhook_endpoints/edit': ExtractProps<(typeof import('../../inertia/pages/webhook_endpoints/edit.vue'))['default']>
    'webhook_endpoints/index': ExtractProps<(typeof import('../../inertia/pages/webhook_endpoints/index.vue'))['default']>
  }
}
