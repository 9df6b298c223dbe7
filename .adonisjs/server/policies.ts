export const policies = {
  BasePolicy: () => import('#policies/base_policy'),
  CampaignPolicy: () => import('#policies/campaign_policy'),
  ContactListPolicy: () => import('#policies/contact_list_policy'),
  ContactPolicy: () => import('#policies/contact_policy'),
  ConversationPolicy: () => import('#policies/conversation_policy'),
  ExportPolicy: () => import('#policies/export_policy'),
  FakeCarrierPolicy: () => import('#policies/fake_carrier_policy'),
  ImportPolicy: () => import('#policies/import_policy'),
  InvitePolicy: () => import('#policies/invite_policy'),
  MembershipPolicy: () => import('#policies/membership_policy'),
  OptOutPolicy: () => import('#policies/opt_out_policy'),
  OrganizationPolicy: () => import('#policies/organization_policy'),
  ProviderAccountPolicy: () => import('#policies/provider_account_policy'),
  SegmentPolicy: () => import('#policies/segment_policy'),
  SupervisionPolicy: () => import('#policies/supervision_policy'),
  TextingPolicy: () => import('#policies/texting_policy'),
}

