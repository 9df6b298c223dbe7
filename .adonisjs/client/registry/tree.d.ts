/* eslint-disable prettier/prettier */
import type { routes } from './index.ts'

export interface ApiDefinition {
  metrics: {
    show: typeof routes['metrics.show']
  }
  health: {
    show: typeof routes['health.show']
  }
  home: typeof routes['home']
  setup: {
    create: typeof routes['setup.create']
    store: typeof routes['setup.store']
  }
  join: {
    show: typeof routes['join.show']
    store: typeof routes['join.store']
    confirm: typeof routes['join.confirm']
  }
  session: {
    create: typeof routes['session.create']
    store: typeof routes['session.store']
    destroy: typeof routes['session.destroy']
  }
  passwordResets: {
    create: typeof routes['password_resets.create']
    store: typeof routes['password_resets.store']
    edit: typeof routes['password_resets.edit']
    update: typeof routes['password_resets.update']
  }
  organizations: {
    create: typeof routes['organizations.create']
    store: typeof routes['organizations.store']
    switch: typeof routes['organizations.switch']
  }
  profile: {
    edit: typeof routes['profile.edit']
    update: typeof routes['profile.update']
    updatePassword: typeof routes['profile.update_password']
  }
  waiting: {
    show: typeof routes['waiting.show']
  }
  dashboard: typeof routes['dashboard']
  apiTokens: {
    index: typeof routes['api_tokens.index']
    store: typeof routes['api_tokens.store']
    destroy: typeof routes['api_tokens.destroy']
  }
  organizationSettings: {
    edit: typeof routes['organization_settings.edit']
    update: typeof routes['organization_settings.update']
  }
  members: {
    index: typeof routes['members.index']
    update: typeof routes['members.update']
    updateStatus: typeof routes['members.update_status']
    destroy: typeof routes['members.destroy']
  }
  invites: {
    index: typeof routes['invites.index']
    store: typeof routes['invites.store']
    destroy: typeof routes['invites.destroy']
  }
  webhooks: {
    store: typeof routes['webhooks.store']
  }
  providerAccounts: {
    index: typeof routes['provider_accounts.index']
    create: typeof routes['provider_accounts.create']
    store: typeof routes['provider_accounts.store']
    edit: typeof routes['provider_accounts.edit']
    update: typeof routes['provider_accounts.update']
    testMessage: typeof routes['provider_accounts.test_message']
    check: typeof routes['provider_accounts.check']
    enable: typeof routes['provider_accounts.enable']
    registration: typeof routes['provider_accounts.registration']
  }
  outboxReviews: {
    resend: typeof routes['outbox_reviews.resend']
    discard: typeof routes['outbox_reviews.discard']
  }
  api: {
    providerAccounts: {
      index: typeof routes['api.provider_accounts.index']
      store: typeof routes['api.provider_accounts.store']
      show: typeof routes['api.provider_accounts.show']
      testMessage: typeof routes['api.provider_accounts.test_message']
    }
    messages: {
      index: typeof routes['api.messages.index']
      show: typeof routes['api.messages.show']
      preview: typeof routes['api.messages.preview']
    }
    imports: {
      store: typeof routes['api.imports.store']
      show: typeof routes['api.imports.show']
      resume: typeof routes['api.imports.resume']
      report: typeof routes['api.imports.report']
    }
    contacts: {
      index: typeof routes['api.contacts.index']
      show: typeof routes['api.contacts.show']
      upsert: typeof routes['api.contacts.upsert']
      update: typeof routes['api.contacts.update']
      destroy: typeof routes['api.contacts.destroy']
    }
    lists: {
      index: typeof routes['api.lists.index']
      store: typeof routes['api.lists.store']
    }
    segments: {
      index: typeof routes['api.segments.index']
      store: typeof routes['api.segments.store']
      show: typeof routes['api.segments.show']
      update: typeof routes['api.segments.update']
      destroy: typeof routes['api.segments.destroy']
    }
    optOuts: {
      index: typeof routes['api.opt_outs.index']
      store: typeof routes['api.opt_outs.store']
    }
    campaigns: {
      index: typeof routes['api.campaigns.index']
      store: typeof routes['api.campaigns.store']
      show: typeof routes['api.campaigns.show']
      update: typeof routes['api.campaigns.update']
      launch: typeof routes['api.campaigns.launch']
      pause: typeof routes['api.campaigns.pause']
      resume: typeof routes['api.campaigns.resume']
      complete: typeof routes['api.campaigns.complete']
      archive: typeof routes['api.campaigns.archive']
      copy: typeof routes['api.campaigns.copy']
      stats: typeof routes['api.campaigns.stats']
    }
    cannedResponses: {
      index: typeof routes['api.canned_responses.index']
      store: typeof routes['api.canned_responses.store']
      update: typeof routes['api.canned_responses.update']
      destroy: typeof routes['api.canned_responses.destroy']
    }
    assignments: {
      index: typeof routes['api.assignments.index']
      store: typeof routes['api.assignments.store']
    }
    campaignConversations: {
      index: typeof routes['api.campaign_conversations.index']
    }
    exports: {
      store: typeof routes['api.exports.store']
      show: typeof routes['api.exports.show']
      download: typeof routes['api.exports.download']
    }
    autoAnswers: {
      index: typeof routes['api.auto_answers.index']
      store: typeof routes['api.auto_answers.store']
      update: typeof routes['api.auto_answers.update']
      destroy: typeof routes['api.auto_answers.destroy']
    }
    auditEvents: {
      index: typeof routes['api.audit_events.index']
    }
    webhookEndpoints: {
      index: typeof routes['api.webhook_endpoints.index']
      store: typeof routes['api.webhook_endpoints.store']
      show: typeof routes['api.webhook_endpoints.show']
      update: typeof routes['api.webhook_endpoints.update']
      destroy: typeof routes['api.webhook_endpoints.destroy']
      test: typeof routes['api.webhook_endpoints.test']
    }
    webhookDeliveries: {
      index: typeof routes['api.webhook_deliveries.index']
      resend: typeof routes['api.webhook_deliveries.resend']
    }
    retentionPreview: {
      show: typeof routes['api.retention_preview.show']
    }
    me: {
      show: typeof routes['api.me.show']
    }
    organization: {
      show: typeof routes['api.organization.show']
      update: typeof routes['api.organization.update']
    }
    invites: {
      index: typeof routes['api.invites.index']
      store: typeof routes['api.invites.store']
      destroy: typeof routes['api.invites.destroy']
    }
    members: {
      index: typeof routes['api.members.index']
    }
    notFound: typeof routes['api.not_found']
  }
  imports: {
    index: typeof routes['imports.index']
    create: typeof routes['imports.create']
    store: typeof routes['imports.store']
    show: typeof routes['imports.show']
    remap: typeof routes['imports.remap']
    start: typeof routes['imports.start']
    resume: typeof routes['imports.resume']
    report: typeof routes['imports.report']
  }
  fakeCarrier: {
    account: typeof routes['fake_carrier.account']
    messages: {
      store: typeof routes['fake_carrier.messages.store']
      index: typeof routes['fake_carrier.messages.index']
      show: typeof routes['fake_carrier.messages.show']
    }
  }
  phones: {
    index: typeof routes['phones.index']
    show: typeof routes['phones.show']
    store: typeof routes['phones.store']
  }
  contacts: {
    index: typeof routes['contacts.index']
    memberships: typeof routes['contacts.memberships']
    show: typeof routes['contacts.show']
    edit: typeof routes['contacts.edit']
    update: typeof routes['contacts.update']
    erase: typeof routes['contacts.erase']
  }
  lists: {
    index: typeof routes['lists.index']
    store: typeof routes['lists.store']
    update: typeof routes['lists.update']
    destroy: typeof routes['lists.destroy']
  }
  tags: {
    store: typeof routes['tags.store']
    update: typeof routes['tags.update']
    destroy: typeof routes['tags.destroy']
    escalation: typeof routes['tags.escalation']
  }
  segments: {
    index: typeof routes['segments.index']
    create: typeof routes['segments.create']
    store: typeof routes['segments.store']
    preview: typeof routes['segments.preview']
    edit: typeof routes['segments.edit']
    update: typeof routes['segments.update']
    destroy: typeof routes['segments.destroy']
  }
  optOuts: {
    index: typeof routes['opt_outs.index']
    store: typeof routes['opt_outs.store']
    import: typeof routes['opt_outs.import']
    export: typeof routes['opt_outs.export']
    destroy: typeof routes['opt_outs.destroy']
  }
  campaigns: {
    index: typeof routes['campaigns.index']
    create: typeof routes['campaigns.create']
    store: typeof routes['campaigns.store']
    audienceCount: typeof routes['campaigns.audience_count']
    preview: typeof routes['campaigns.preview']
    show: typeof routes['campaigns.show']
    edit: typeof routes['campaigns.edit']
    update: typeof routes['campaigns.update']
    launch: typeof routes['campaigns.launch']
    pause: typeof routes['campaigns.pause']
    resume: typeof routes['campaigns.resume']
    complete: typeof routes['campaigns.complete']
    archive: typeof routes['campaigns.archive']
    copy: typeof routes['campaigns.copy']
    report: typeof routes['campaigns.report']
  }
  scripts: {
    preview: typeof routes['scripts.preview']
  }
  textingHours: {
    edit: typeof routes['texting_hours.edit']
    update: typeof routes['texting_hours.update']
  }
  cannedResponses: {
    index: typeof routes['canned_responses.index']
    store: typeof routes['canned_responses.store']
    update: typeof routes['canned_responses.update']
    destroy: typeof routes['canned_responses.destroy']
  }
  texting: {
    index: typeof routes['texting.index']
    show: typeof routes['texting.show']
    next: typeof routes['texting.next']
    claim: typeof routes['texting.claim']
    send: typeof routes['texting.send']
    skip: typeof routes['texting.skip']
    optOut: typeof routes['texting.opt_out']
    release: typeof routes['texting.release']
  }
  campaignTexters: {
    index: typeof routes['campaign_texters.index']
    assign: typeof routes['campaign_texters.assign']
    replyHandlers: typeof routes['campaign_texters.reply_handlers']
  }
  campaignReviews: {
    index: typeof routes['campaign_reviews.index']
  }
  exports: {
    store: typeof routes['exports.store']
    download: typeof routes['exports.download']
  }
  conversations: {
    index: typeof routes['conversations.index']
    show: typeof routes['conversations.show']
    reply: typeof routes['conversations.reply']
    answer: typeof routes['conversations.answer']
    optOut: typeof routes['conversations.opt_out']
    close: typeof routes['conversations.close']
    tag: typeof routes['conversations.tag']
    untag: typeof routes['conversations.untag']
  }
  autoAnswers: {
    index: typeof routes['auto_answers.index']
    store: typeof routes['auto_answers.store']
    try: typeof routes['auto_answers.try']
    update: typeof routes['auto_answers.update']
    destroy: typeof routes['auto_answers.destroy']
  }
  auditEvents: {
    index: typeof routes['audit_events.index']
    export: typeof routes['audit_events.export']
  }
  webhookEndpoints: {
    index: typeof routes['webhook_endpoints.index']
    store: typeof routes['webhook_endpoints.store']
    edit: typeof routes['webhook_endpoints.edit']
    update: typeof routes['webhook_endpoints.update']
    destroy: typeof routes['webhook_endpoints.destroy']
    test: typeof routes['webhook_endpoints.test']
  }
  webhookDeliveries: {
    resend: typeof routes['webhook_deliveries.resend']
  }
  twoFactorChallenge: {
    create: typeof routes['two_factor_challenge.create']
    store: typeof routes['two_factor_challenge.store']
  }
  twoFactor: {
    show: typeof routes['two_factor.show']
    store: typeof routes['two_factor.store']
    confirm: typeof routes['two_factor.confirm']
    regenerate: typeof routes['two_factor.regenerate']
    destroy: typeof routes['two_factor.destroy']
  }
  accountSessions: {
    index: typeof routes['account_sessions.index']
    destroyOthers: typeof routes['account_sessions.destroy_others']
    destroy: typeof routes['account_sessions.destroy']
  }
  integrations: {
    index: typeof routes['integrations.index']
    store: typeof routes['integrations.store']
    edit: typeof routes['integrations.edit']
    update: typeof routes['integrations.update']
    test: typeof routes['integrations.test']
    import: typeof routes['integrations.import']
    retry: typeof routes['integrations.retry']
    mapping: typeof routes['integrations.mapping'] & {
      update: typeof routes['integrations.mapping.update']
    }
  }
  tendlcRegistrations: {
    show: typeof routes['tendlc_registrations.show']
    brand: typeof routes['tendlc_registrations.brand']
    campaign: typeof routes['tendlc_registrations.campaign']
    refresh: typeof routes['tendlc_registrations.refresh']
  }
  emailUnsubscribes: {
    show: typeof routes['email_unsubscribes.show']
    store: typeof routes['email_unsubscribes.store']
  }
  emailPreferences: {
    update: typeof routes['email_preferences.update']
  }
  emailPreviews: {
    index: typeof routes['email_previews.index']
  }
  transmit: {
    events: typeof routes['transmit.events']
    subscribe: typeof routes['transmit.subscribe']
    unsubscribe: typeof routes['transmit.unsubscribe']
  }
}
