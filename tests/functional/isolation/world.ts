import { randomBytes } from 'node:crypto'
import Membership, { type MembershipStatus, type Role } from '#models/membership'
import type Invite from '#models/invite'
import Organization, { DEFAULT_SETTINGS } from '#models/organization'
import User from '#models/user'
import { audit } from '#services/audit'
import { apiTokenFor } from '#tests/helpers/members'
import { createInvite } from '#tests/helpers/invites'

/**
 * Organization A, the one whose data must stay out of organization B's reach.
 * Fixtures create A's records through it; every text they write should
 * contain `marker`, and any other secret (a token, a link) goes in `secrets`,
 * so the walker can tell when one of them reaches B.
 */
export type OrgA = {
  organization: Organization
  owner: Membership
  admin: Membership
  supervisor: Membership
  texter: Membership
  pending: Membership
  suspended: Membership
  invite: Invite
  /** The owner's API token, for calling A's own routes as A. */
  ownerToken: string
  marker: string
  secrets: string[]
  /** Another active texter in A, made for a route that changes or deletes it. */
  newMember(role?: Role, status?: MembershipStatus): Promise<Membership>
  /** Another open invite link of A. */
  newInvite(): Promise<Invite>
}

/** Organization B: the one making the requests, as its owner. */
export type OrgB = { organization: Organization; owner: Membership; ownerToken: string }

let sequence = 0

async function member(
  organization: Organization,
  label: string,
  role: Role,
  status: MembershipStatus = 'active'
) {
  const user = await User.create({
    fullName: `${label} ${organization.slug}`,
    email: `${label}.${organization.slug}@example.org`,
    password: 'password-for-tests',
  })
  const membership = await Membership.create({
    organizationId: organization.id,
    userId: user.id,
    role,
    status,
  })
  membership.$setRelated('user', user)
  membership.$setRelated('organization', organization)
  return membership
}

async function organizationNamed(name: string) {
  return Organization.create({
    name,
    slug: name.toLowerCase().replaceAll(' ', '-'),
    requiresApproval: false,
    settings: DEFAULT_SETTINGS,
  })
}

export async function buildOrgA(): Promise<OrgA> {
  const marker = `orgamark${randomBytes(5).toString('hex')}`
  const organization = await organizationNamed(`Alpha ${marker}`)
  const owner = await member(organization, 'owner', 'owner')
  const texter = await member(organization, 'texter', 'texter')
  const invite = await createInvite(organization, { role: 'supervisor', createdById: owner.userId })
  const secrets = [invite.token]
  const ownerToken = await apiTokenFor(owner)
  secrets.push(ownerToken, await apiTokenFor(texter))
  await audit({
    organizationId: organization.id,
    userId: owner.userId,
    action: 'member.updated',
    subject: { type: 'membership', id: texter.id },
    details: { note: marker },
  })

  return {
    organization,
    owner,
    admin: await member(organization, 'admin', 'admin'),
    supervisor: await member(organization, 'supervisor', 'supervisor'),
    texter,
    pending: await member(organization, 'pending', 'texter', 'pending'),
    suspended: await member(organization, 'suspended', 'texter', 'suspended'),
    invite,
    ownerToken,
    marker,
    secrets,
    newMember: (role = 'texter', status = 'active') =>
      member(organization, `extra${++sequence}`, role, status),
    async newInvite() {
      const extra = await createInvite(organization)
      secrets.push(extra.token)
      return extra
    },
  }
}

export async function buildOrgB(): Promise<OrgB> {
  const organization = await organizationNamed(`Bravo ${randomBytes(5).toString('hex')}`)
  const owner = await member(organization, 'owner', 'owner')
  return { organization, owner, ownerToken: await apiTokenFor(owner) }
}
