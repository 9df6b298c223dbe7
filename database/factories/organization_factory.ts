import factory from '@adonisjs/lucid/factories'
import Organization, { DEFAULT_SETTINGS } from '#models/organization'

export const OrganizationFactory = factory
  .define(Organization, ({ faker }) => {
    const name = faker.company.name()
    return {
      name,
      slug: `${faker.helpers.slugify(name).toLowerCase()}-${faker.string.alphanumeric(6).toLowerCase()}`,
      requiresApproval: false,
      settings: DEFAULT_SETTINGS,
    }
  })
  .build()
