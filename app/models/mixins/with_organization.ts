import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/**
 * Every organization-owned row carries organization_id, and lookups go
 * through `forOrganization`, so another org's record is simply not found.
 */
export function WithOrganization<T extends NormalizeConstructor<typeof BaseModel>>(superclass: T) {
  class OrganizationOwned extends superclass {
    @column()
    declare organizationId: number

    static forOrganization<Model extends T>(this: Model, organizationId: number) {
      return this.query().where(`${this.table}.organization_id`, organizationId)
    }
  }
  return OrganizationOwned
}
