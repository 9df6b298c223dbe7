import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type {
  LucidModel,
  ModelAdapterOptions,
  ModelQueryBuilderContract,
} from '@adonisjs/lucid/types/model'

/** An id as a route or form gave it; one that is not a whole number matches no row. */
function rowId(id: unknown) {
  const value = Number(id)
  return Number.isSafeInteger(value) ? value : 0
}

/** Narrows a query on `table` to the organization's row with this id. */
function ownRow<Query extends ModelQueryBuilderContract<LucidModel>>(
  query: Query,
  table: string,
  organizationId: number,
  id: unknown
): Query {
  return query.where(`${table}.organization_id`, organizationId).where(`${table}.id`, rowId(id))
}

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

    /** The organization's row with this id, or null. */
    static findForOrganization<Model extends T>(
      this: Model,
      organizationId: number,
      id: unknown,
      options?: ModelAdapterOptions
    ) {
      return ownRow(this.query(options), this.table, organizationId, id).first()
    }

    /** The organization's row with this id; E_ROW_NOT_FOUND (a 404) otherwise. */
    static findForOrganizationOrFail<Model extends T>(
      this: Model,
      organizationId: number,
      id: unknown,
      options?: ModelAdapterOptions
    ) {
      return ownRow(this.query(options), this.table, organizationId, id).firstOrFail()
    }
  }
  return OrganizationOwned
}
