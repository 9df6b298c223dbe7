export const policies = {
  BasePolicy: () => import('#policies/base_policy'),
  InvitePolicy: () => import('#policies/invite_policy'),
  MembershipPolicy: () => import('#policies/membership_policy'),
  OrganizationPolicy: () => import('#policies/organization_policy'),
}

