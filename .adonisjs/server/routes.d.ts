import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'metrics.show': { paramsTuple?: []; params?: {} }
    'health.show': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'setup.create': { paramsTuple?: []; params?: {} }
    'setup.store': { paramsTuple?: []; params?: {} }
    'join.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'join.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'join.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'password_resets.create': { paramsTuple?: []; params?: {} }
    'password_resets.store': { paramsTuple?: []; params?: {} }
    'password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password_resets.update': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'organizations.create': { paramsTuple?: []; params?: {} }
    'organizations.store': { paramsTuple?: []; params?: {} }
    'organizations.switch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'profile.update_password': { paramsTuple?: []; params?: {} }
    'waiting.show': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'api_tokens.index': { paramsTuple?: []; params?: {} }
    'api_tokens.store': { paramsTuple?: []; params?: {} }
    'api_tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organization_settings.edit': { paramsTuple?: []; params?: {} }
    'organization_settings.update': { paramsTuple?: []; params?: {} }
    'members.index': { paramsTuple?: []; params?: {} }
    'members.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'members.update_status': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'members.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invites.index': { paramsTuple?: []; params?: {} }
    'invites.store': { paramsTuple?: []; params?: {} }
    'invites.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhooks.store': { paramsTuple: [ParamValue,ParamValue,ParamValue?]; params: {'provider': ParamValue,'accountId': ParamValue,'kind'?: ParamValue} }
    'provider_accounts.index': { paramsTuple?: []; params?: {} }
    'provider_accounts.create': { paramsTuple?: []; params?: {} }
    'provider_accounts.store': { paramsTuple?: []; params?: {} }
    'provider_accounts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'provider_accounts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'provider_accounts.test_message': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'provider_accounts.check': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'provider_accounts.enable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'provider_accounts.registration': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox_reviews.resend': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox_reviews.discard': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.provider_accounts.index': { paramsTuple?: []; params?: {} }
    'api.provider_accounts.store': { paramsTuple?: []; params?: {} }
    'api.provider_accounts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.provider_accounts.test_message': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.messages.index': { paramsTuple?: []; params?: {} }
    'api.messages.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.index': { paramsTuple?: []; params?: {} }
    'imports.create': { paramsTuple?: []; params?: {} }
    'imports.store': { paramsTuple?: []; params?: {} }
    'imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.remap': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.start': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.imports.store': { paramsTuple?: []; params?: {} }
    'api.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.imports.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.imports.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fake_carrier.account': { paramsTuple: [ParamValue]; params: {'accountId': ParamValue} }
    'fake_carrier.messages.store': { paramsTuple: [ParamValue]; params: {'accountId': ParamValue} }
    'fake_carrier.messages.index': { paramsTuple: [ParamValue]; params: {'accountId': ParamValue} }
    'fake_carrier.messages.show': { paramsTuple: [ParamValue,ParamValue]; params: {'accountId': ParamValue,'sid': ParamValue} }
    'phones.index': { paramsTuple?: []; params?: {} }
    'phones.show': { paramsTuple: [ParamValue,ParamValue]; params: {'accountId': ParamValue,'phone': ParamValue} }
    'phones.store': { paramsTuple: [ParamValue]; params: {'accountId': ParamValue} }
    'contacts.index': { paramsTuple?: []; params?: {} }
    'contacts.memberships': { paramsTuple?: []; params?: {} }
    'contacts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.erase': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'lists.index': { paramsTuple?: []; params?: {} }
    'lists.store': { paramsTuple?: []; params?: {} }
    'lists.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'lists.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tags.store': { paramsTuple?: []; params?: {} }
    'tags.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tags.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'segments.index': { paramsTuple?: []; params?: {} }
    'segments.create': { paramsTuple?: []; params?: {} }
    'segments.store': { paramsTuple?: []; params?: {} }
    'segments.preview': { paramsTuple?: []; params?: {} }
    'segments.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'segments.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'segments.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'opt_outs.index': { paramsTuple?: []; params?: {} }
    'opt_outs.store': { paramsTuple?: []; params?: {} }
    'opt_outs.import': { paramsTuple?: []; params?: {} }
    'opt_outs.export': { paramsTuple?: []; params?: {} }
    'opt_outs.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.contacts.index': { paramsTuple?: []; params?: {} }
    'api.contacts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.contacts.upsert': { paramsTuple?: []; params?: {} }
    'api.contacts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.contacts.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.lists.index': { paramsTuple?: []; params?: {} }
    'api.lists.store': { paramsTuple?: []; params?: {} }
    'api.segments.index': { paramsTuple?: []; params?: {} }
    'api.segments.store': { paramsTuple?: []; params?: {} }
    'api.segments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.segments.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.segments.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.opt_outs.index': { paramsTuple?: []; params?: {} }
    'api.opt_outs.store': { paramsTuple?: []; params?: {} }
    'campaigns.index': { paramsTuple?: []; params?: {} }
    'campaigns.create': { paramsTuple?: []; params?: {} }
    'campaigns.store': { paramsTuple?: []; params?: {} }
    'campaigns.audience_count': { paramsTuple?: []; params?: {} }
    'campaigns.preview': { paramsTuple?: []; params?: {} }
    'campaigns.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.launch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.pause': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.complete': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.copy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.index': { paramsTuple?: []; params?: {} }
    'api.campaigns.store': { paramsTuple?: []; params?: {} }
    'api.campaigns.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.launch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.pause': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.complete': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.copy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.canned_responses.index': { paramsTuple?: []; params?: {} }
    'api.canned_responses.store': { paramsTuple?: []; params?: {} }
    'api.canned_responses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.canned_responses.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'scripts.preview': { paramsTuple?: []; params?: {} }
    'api.messages.preview': { paramsTuple?: []; params?: {} }
    'texting_hours.edit': { paramsTuple?: []; params?: {} }
    'texting_hours.update': { paramsTuple?: []; params?: {} }
    'canned_responses.index': { paramsTuple?: []; params?: {} }
    'canned_responses.store': { paramsTuple?: []; params?: {} }
    'canned_responses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'canned_responses.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.index': { paramsTuple?: []; params?: {} }
    'texting.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.next': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.claim': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.send': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.skip': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.opt_out': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.release': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaign_texters.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaign_texters.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaign_texters.reply_handlers': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaign_reviews.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tags.escalation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.assignments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.assignments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaign_conversations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exports.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exports.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.stats': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.exports.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.exports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.exports.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.index': { paramsTuple?: []; params?: {} }
    'conversations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.reply': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.answer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.opt_out': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.tag': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.untag': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'tagId': ParamValue} }
    'auto_answers.index': { paramsTuple?: []; params?: {} }
    'auto_answers.store': { paramsTuple?: []; params?: {} }
    'auto_answers.try': { paramsTuple?: []; params?: {} }
    'auto_answers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'auto_answers.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.auto_answers.index': { paramsTuple?: []; params?: {} }
    'api.auto_answers.store': { paramsTuple?: []; params?: {} }
    'api.auto_answers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.auto_answers.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'audit_events.export': { paramsTuple?: []; params?: {} }
    'api.audit_events.index': { paramsTuple?: []; params?: {} }
    'api.webhook_endpoints.index': { paramsTuple?: []; params?: {} }
    'api.webhook_endpoints.store': { paramsTuple?: []; params?: {} }
    'api.webhook_endpoints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhook_endpoints.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhook_endpoints.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhook_endpoints.test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhook_deliveries.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhook_deliveries.resend': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'deliveryId': ParamValue} }
    'webhook_endpoints.index': { paramsTuple?: []; params?: {} }
    'webhook_endpoints.store': { paramsTuple?: []; params?: {} }
    'webhook_endpoints.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhook_endpoints.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhook_endpoints.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhook_endpoints.test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhook_deliveries.resend': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'deliveryId': ParamValue} }
    'two_factor_challenge.create': { paramsTuple?: []; params?: {} }
    'two_factor_challenge.store': { paramsTuple?: []; params?: {} }
    'two_factor.show': { paramsTuple?: []; params?: {} }
    'two_factor.store': { paramsTuple?: []; params?: {} }
    'two_factor.confirm': { paramsTuple?: []; params?: {} }
    'two_factor.regenerate': { paramsTuple?: []; params?: {} }
    'two_factor.destroy': { paramsTuple?: []; params?: {} }
    'account_sessions.index': { paramsTuple?: []; params?: {} }
    'account_sessions.destroy_others': { paramsTuple?: []; params?: {} }
    'account_sessions.destroy': { paramsTuple: [ParamValue]; params: {'handle': ParamValue} }
    'api.retention_preview.show': { paramsTuple?: []; params?: {} }
    'integrations.index': { paramsTuple?: []; params?: {} }
    'integrations.store': { paramsTuple?: []; params?: {} }
    'integrations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'integrations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'integrations.test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'integrations.import': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'integrations.retry': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'itemId': ParamValue} }
    'integrations.mapping': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'campaignId': ParamValue} }
    'integrations.mapping.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'campaignId': ParamValue} }
    'tendlc_registrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tendlc_registrations.brand': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tendlc_registrations.campaign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tendlc_registrations.refresh': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'email_unsubscribes.show': { paramsTuple: [ParamValue,ParamValue]; params: {'userId': ParamValue,'kind': ParamValue} }
    'email_unsubscribes.store': { paramsTuple: [ParamValue,ParamValue]; params: {'userId': ParamValue,'kind': ParamValue} }
    'email_preferences.update': { paramsTuple?: []; params?: {} }
    'email_previews.index': { paramsTuple?: []; params?: {} }
    'api.me.show': { paramsTuple?: []; params?: {} }
    'api.organization.show': { paramsTuple?: []; params?: {} }
    'api.organization.update': { paramsTuple?: []; params?: {} }
    'api.invites.index': { paramsTuple?: []; params?: {} }
    'api.invites.store': { paramsTuple?: []; params?: {} }
    'api.invites.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.members.index': { paramsTuple?: []; params?: {} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'transmit.events': { paramsTuple?: []; params?: {} }
    'transmit.subscribe': { paramsTuple?: []; params?: {} }
    'transmit.unsubscribe': { paramsTuple?: []; params?: {} }
  }
  GET: {
    'metrics.show': { paramsTuple?: []; params?: {} }
    'health.show': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'setup.create': { paramsTuple?: []; params?: {} }
    'join.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'join.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_resets.create': { paramsTuple?: []; params?: {} }
    'password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'organizations.create': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'waiting.show': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'api_tokens.index': { paramsTuple?: []; params?: {} }
    'organization_settings.edit': { paramsTuple?: []; params?: {} }
    'members.index': { paramsTuple?: []; params?: {} }
    'invites.index': { paramsTuple?: []; params?: {} }
    'provider_accounts.index': { paramsTuple?: []; params?: {} }
    'provider_accounts.create': { paramsTuple?: []; params?: {} }
    'provider_accounts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.provider_accounts.index': { paramsTuple?: []; params?: {} }
    'api.provider_accounts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.messages.index': { paramsTuple?: []; params?: {} }
    'api.messages.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.index': { paramsTuple?: []; params?: {} }
    'imports.create': { paramsTuple?: []; params?: {} }
    'imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.imports.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fake_carrier.account': { paramsTuple: [ParamValue]; params: {'accountId': ParamValue} }
    'fake_carrier.messages.index': { paramsTuple: [ParamValue]; params: {'accountId': ParamValue} }
    'fake_carrier.messages.show': { paramsTuple: [ParamValue,ParamValue]; params: {'accountId': ParamValue,'sid': ParamValue} }
    'phones.index': { paramsTuple?: []; params?: {} }
    'phones.show': { paramsTuple: [ParamValue,ParamValue]; params: {'accountId': ParamValue,'phone': ParamValue} }
    'contacts.index': { paramsTuple?: []; params?: {} }
    'contacts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'lists.index': { paramsTuple?: []; params?: {} }
    'segments.index': { paramsTuple?: []; params?: {} }
    'segments.create': { paramsTuple?: []; params?: {} }
    'segments.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'opt_outs.index': { paramsTuple?: []; params?: {} }
    'opt_outs.export': { paramsTuple?: []; params?: {} }
    'api.contacts.index': { paramsTuple?: []; params?: {} }
    'api.contacts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.lists.index': { paramsTuple?: []; params?: {} }
    'api.segments.index': { paramsTuple?: []; params?: {} }
    'api.segments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.opt_outs.index': { paramsTuple?: []; params?: {} }
    'campaigns.index': { paramsTuple?: []; params?: {} }
    'campaigns.create': { paramsTuple?: []; params?: {} }
    'campaigns.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.index': { paramsTuple?: []; params?: {} }
    'api.campaigns.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.canned_responses.index': { paramsTuple?: []; params?: {} }
    'texting_hours.edit': { paramsTuple?: []; params?: {} }
    'canned_responses.index': { paramsTuple?: []; params?: {} }
    'texting.index': { paramsTuple?: []; params?: {} }
    'texting.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.next': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaign_texters.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaign_reviews.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.assignments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaign_conversations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exports.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.stats': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.exports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.exports.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.index': { paramsTuple?: []; params?: {} }
    'conversations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'auto_answers.index': { paramsTuple?: []; params?: {} }
    'api.auto_answers.index': { paramsTuple?: []; params?: {} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'audit_events.export': { paramsTuple?: []; params?: {} }
    'api.audit_events.index': { paramsTuple?: []; params?: {} }
    'api.webhook_endpoints.index': { paramsTuple?: []; params?: {} }
    'api.webhook_endpoints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhook_deliveries.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhook_endpoints.index': { paramsTuple?: []; params?: {} }
    'webhook_endpoints.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'two_factor_challenge.create': { paramsTuple?: []; params?: {} }
    'two_factor.show': { paramsTuple?: []; params?: {} }
    'account_sessions.index': { paramsTuple?: []; params?: {} }
    'api.retention_preview.show': { paramsTuple?: []; params?: {} }
    'integrations.index': { paramsTuple?: []; params?: {} }
    'integrations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'integrations.mapping': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'campaignId': ParamValue} }
    'tendlc_registrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'email_unsubscribes.show': { paramsTuple: [ParamValue,ParamValue]; params: {'userId': ParamValue,'kind': ParamValue} }
    'email_previews.index': { paramsTuple?: []; params?: {} }
    'api.me.show': { paramsTuple?: []; params?: {} }
    'api.organization.show': { paramsTuple?: []; params?: {} }
    'api.invites.index': { paramsTuple?: []; params?: {} }
    'api.members.index': { paramsTuple?: []; params?: {} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'transmit.events': { paramsTuple?: []; params?: {} }
  }
  HEAD: {
    'metrics.show': { paramsTuple?: []; params?: {} }
    'health.show': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'setup.create': { paramsTuple?: []; params?: {} }
    'join.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'join.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_resets.create': { paramsTuple?: []; params?: {} }
    'password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'organizations.create': { paramsTuple?: []; params?: {} }
    'profile.edit': { paramsTuple?: []; params?: {} }
    'waiting.show': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'api_tokens.index': { paramsTuple?: []; params?: {} }
    'organization_settings.edit': { paramsTuple?: []; params?: {} }
    'members.index': { paramsTuple?: []; params?: {} }
    'invites.index': { paramsTuple?: []; params?: {} }
    'provider_accounts.index': { paramsTuple?: []; params?: {} }
    'provider_accounts.create': { paramsTuple?: []; params?: {} }
    'provider_accounts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.provider_accounts.index': { paramsTuple?: []; params?: {} }
    'api.provider_accounts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.messages.index': { paramsTuple?: []; params?: {} }
    'api.messages.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.index': { paramsTuple?: []; params?: {} }
    'imports.create': { paramsTuple?: []; params?: {} }
    'imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.imports.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fake_carrier.account': { paramsTuple: [ParamValue]; params: {'accountId': ParamValue} }
    'fake_carrier.messages.index': { paramsTuple: [ParamValue]; params: {'accountId': ParamValue} }
    'fake_carrier.messages.show': { paramsTuple: [ParamValue,ParamValue]; params: {'accountId': ParamValue,'sid': ParamValue} }
    'phones.index': { paramsTuple?: []; params?: {} }
    'phones.show': { paramsTuple: [ParamValue,ParamValue]; params: {'accountId': ParamValue,'phone': ParamValue} }
    'contacts.index': { paramsTuple?: []; params?: {} }
    'contacts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'lists.index': { paramsTuple?: []; params?: {} }
    'segments.index': { paramsTuple?: []; params?: {} }
    'segments.create': { paramsTuple?: []; params?: {} }
    'segments.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'opt_outs.index': { paramsTuple?: []; params?: {} }
    'opt_outs.export': { paramsTuple?: []; params?: {} }
    'api.contacts.index': { paramsTuple?: []; params?: {} }
    'api.contacts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.lists.index': { paramsTuple?: []; params?: {} }
    'api.segments.index': { paramsTuple?: []; params?: {} }
    'api.segments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.opt_outs.index': { paramsTuple?: []; params?: {} }
    'campaigns.index': { paramsTuple?: []; params?: {} }
    'campaigns.create': { paramsTuple?: []; params?: {} }
    'campaigns.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.index': { paramsTuple?: []; params?: {} }
    'api.campaigns.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.canned_responses.index': { paramsTuple?: []; params?: {} }
    'texting_hours.edit': { paramsTuple?: []; params?: {} }
    'canned_responses.index': { paramsTuple?: []; params?: {} }
    'texting.index': { paramsTuple?: []; params?: {} }
    'texting.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.next': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaign_texters.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaign_reviews.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.assignments.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaign_conversations.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exports.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.stats': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.exports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.exports.download': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.index': { paramsTuple?: []; params?: {} }
    'conversations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'auto_answers.index': { paramsTuple?: []; params?: {} }
    'api.auto_answers.index': { paramsTuple?: []; params?: {} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'audit_events.export': { paramsTuple?: []; params?: {} }
    'api.audit_events.index': { paramsTuple?: []; params?: {} }
    'api.webhook_endpoints.index': { paramsTuple?: []; params?: {} }
    'api.webhook_endpoints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhook_deliveries.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhook_endpoints.index': { paramsTuple?: []; params?: {} }
    'webhook_endpoints.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'two_factor_challenge.create': { paramsTuple?: []; params?: {} }
    'two_factor.show': { paramsTuple?: []; params?: {} }
    'account_sessions.index': { paramsTuple?: []; params?: {} }
    'api.retention_preview.show': { paramsTuple?: []; params?: {} }
    'integrations.index': { paramsTuple?: []; params?: {} }
    'integrations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'integrations.mapping': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'campaignId': ParamValue} }
    'tendlc_registrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'email_unsubscribes.show': { paramsTuple: [ParamValue,ParamValue]; params: {'userId': ParamValue,'kind': ParamValue} }
    'email_previews.index': { paramsTuple?: []; params?: {} }
    'api.me.show': { paramsTuple?: []; params?: {} }
    'api.organization.show': { paramsTuple?: []; params?: {} }
    'api.invites.index': { paramsTuple?: []; params?: {} }
    'api.members.index': { paramsTuple?: []; params?: {} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'transmit.events': { paramsTuple?: []; params?: {} }
  }
  POST: {
    'setup.store': { paramsTuple?: []; params?: {} }
    'join.store': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'session.store': { paramsTuple?: []; params?: {} }
    'password_resets.store': { paramsTuple?: []; params?: {} }
    'password_resets.update': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'organizations.store': { paramsTuple?: []; params?: {} }
    'organizations.switch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api_tokens.store': { paramsTuple?: []; params?: {} }
    'invites.store': { paramsTuple?: []; params?: {} }
    'webhooks.store': { paramsTuple: [ParamValue,ParamValue,ParamValue?]; params: {'provider': ParamValue,'accountId': ParamValue,'kind'?: ParamValue} }
    'provider_accounts.store': { paramsTuple?: []; params?: {} }
    'provider_accounts.test_message': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'provider_accounts.check': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'provider_accounts.enable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox_reviews.resend': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox_reviews.discard': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.provider_accounts.store': { paramsTuple?: []; params?: {} }
    'api.provider_accounts.test_message': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.store': { paramsTuple?: []; params?: {} }
    'imports.start': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.imports.store': { paramsTuple?: []; params?: {} }
    'api.imports.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fake_carrier.messages.store': { paramsTuple: [ParamValue]; params: {'accountId': ParamValue} }
    'phones.store': { paramsTuple: [ParamValue]; params: {'accountId': ParamValue} }
    'contacts.memberships': { paramsTuple?: []; params?: {} }
    'contacts.erase': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'lists.store': { paramsTuple?: []; params?: {} }
    'tags.store': { paramsTuple?: []; params?: {} }
    'segments.store': { paramsTuple?: []; params?: {} }
    'segments.preview': { paramsTuple?: []; params?: {} }
    'opt_outs.store': { paramsTuple?: []; params?: {} }
    'opt_outs.import': { paramsTuple?: []; params?: {} }
    'api.lists.store': { paramsTuple?: []; params?: {} }
    'api.segments.store': { paramsTuple?: []; params?: {} }
    'api.opt_outs.store': { paramsTuple?: []; params?: {} }
    'campaigns.store': { paramsTuple?: []; params?: {} }
    'campaigns.audience_count': { paramsTuple?: []; params?: {} }
    'campaigns.preview': { paramsTuple?: []; params?: {} }
    'campaigns.launch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.pause': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.complete': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaigns.copy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.store': { paramsTuple?: []; params?: {} }
    'api.campaigns.launch': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.pause': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.complete': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.copy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.canned_responses.store': { paramsTuple?: []; params?: {} }
    'scripts.preview': { paramsTuple?: []; params?: {} }
    'api.messages.preview': { paramsTuple?: []; params?: {} }
    'canned_responses.store': { paramsTuple?: []; params?: {} }
    'texting.claim': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.send': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.skip': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.opt_out': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting.release': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaign_texters.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.assignments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'exports.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.exports.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.reply': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.answer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.opt_out': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.tag': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'auto_answers.store': { paramsTuple?: []; params?: {} }
    'auto_answers.try': { paramsTuple?: []; params?: {} }
    'api.auto_answers.store': { paramsTuple?: []; params?: {} }
    'api.webhook_endpoints.store': { paramsTuple?: []; params?: {} }
    'api.webhook_endpoints.test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhook_deliveries.resend': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'deliveryId': ParamValue} }
    'webhook_endpoints.store': { paramsTuple?: []; params?: {} }
    'webhook_endpoints.test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhook_deliveries.resend': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'deliveryId': ParamValue} }
    'two_factor_challenge.store': { paramsTuple?: []; params?: {} }
    'two_factor.store': { paramsTuple?: []; params?: {} }
    'two_factor.confirm': { paramsTuple?: []; params?: {} }
    'two_factor.regenerate': { paramsTuple?: []; params?: {} }
    'integrations.store': { paramsTuple?: []; params?: {} }
    'integrations.test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'integrations.import': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'integrations.retry': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'itemId': ParamValue} }
    'tendlc_registrations.brand': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tendlc_registrations.campaign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tendlc_registrations.refresh': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'email_unsubscribes.store': { paramsTuple: [ParamValue,ParamValue]; params: {'userId': ParamValue,'kind': ParamValue} }
    'api.invites.store': { paramsTuple?: []; params?: {} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'transmit.subscribe': { paramsTuple?: []; params?: {} }
    'transmit.unsubscribe': { paramsTuple?: []; params?: {} }
  }
  PUT: {
    'profile.update': { paramsTuple?: []; params?: {} }
    'profile.update_password': { paramsTuple?: []; params?: {} }
    'organization_settings.update': { paramsTuple?: []; params?: {} }
    'members.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'members.update_status': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'provider_accounts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'provider_accounts.registration': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'imports.remap': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'lists.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tags.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'segments.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.contacts.upsert': { paramsTuple?: []; params?: {} }
    'campaigns.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.campaigns.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.canned_responses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'texting_hours.update': { paramsTuple?: []; params?: {} }
    'canned_responses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'campaign_texters.reply_handlers': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tags.escalation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'auto_answers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.auto_answers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhook_endpoints.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'integrations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'integrations.mapping.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'campaignId': ParamValue} }
    'email_preferences.update': { paramsTuple?: []; params?: {} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  DELETE: {
    'api_tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'members.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invites.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'lists.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tags.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'segments.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'opt_outs.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.contacts.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.segments.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.canned_responses.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'canned_responses.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'conversations.untag': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'tagId': ParamValue} }
    'auto_answers.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.auto_answers.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhook_endpoints.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'webhook_endpoints.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'two_factor.destroy': { paramsTuple?: []; params?: {} }
    'account_sessions.destroy_others': { paramsTuple?: []; params?: {} }
    'account_sessions.destroy': { paramsTuple: [ParamValue]; params: {'handle': ParamValue} }
    'api.invites.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  PATCH: {
    'api.contacts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.segments.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhook_endpoints.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.organization.update': { paramsTuple?: []; params?: {} }
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
  OPTIONS: {
    'api.not_found': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}