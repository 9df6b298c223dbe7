import string from '@adonisjs/core/helpers/string'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Organization, { DEFAULT_SETTINGS } from '#models/organization'
import Membership from '#models/membership'
import type User from '#models/user'

export type NewOrganization = { name: string; owner: User }

/** Creates an organization with a unique slug and makes `owner` its owner. */
export async function createOrganization(
  { name, owner }: NewOrganization,
  trx: TransactionClientContract
) {
  const organization = await Organization.create(
    {
      name,
      slug: await uniqueSlug(name, trx),
      requiresApproval: false,
      settings: DEFAULT_SETTINGS,
    },
    { client: trx }
  )
  await Membership.create(
    { organizationId: organization.id, userId: owner.id, role: 'owner', status: 'active' },
    { client: trx }
  )
  return organization
}

async function uniqueSlug(name: string, trx: TransactionClientContract) {
  const base = string.slug(name, { lower: true, strict: true }).slice(0, 60) || 'organization'
  const taken = await Organization.query({ client: trx })
    .where('slug', base)
    .orWhere('slug', 'like', `${base}-%`)
    .select('slug')
  const slugs = new Set(taken.map((o) => o.slug))
  let slug = base
  for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`
  return slug
}
