import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Contact imports: the uploaded file, its column mapping, progress and
 * outcome. A row is also the import's job: the runner claims queued rows.
 */
export default class extends BaseSchema {
  protected tableName = 'imports'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table
        .integer('created_by_id')
        .unsigned()
        .nullable()
        .references('users.id')
        .onDelete('SET NULL')
      table
        .integer('contact_list_id')
        .unsigned()
        .nullable()
        .references('contact_lists.id')
        .onDelete('SET NULL')
      table.string('list_name', 120).notNullable()
      table.string('status', 16).notNullable()
      table.string('original_name', 255).notNullable()
      table.string('file_path', 500).notNullable()
      table.bigInteger('file_size').unsigned().notNullable().defaultTo(0)
      table.string('default_region', 2).notNullable()
      table.text('mapping').nullable()
      table.integer('rows_total').unsigned().notNullable().defaultTo(0)
      table.integer('rows_processed').unsigned().notNullable().defaultTo(0)
      table.integer('rows_created').unsigned().notNullable().defaultTo(0)
      table.integer('rows_updated').unsigned().notNullable().defaultTo(0)
      table.integer('rows_invalid').unsigned().notNullable().defaultTo(0)
      table.integer('rows_duplicate').unsigned().notNullable().defaultTo(0)
      table.integer('rows_opted_out').unsigned().notNullable().defaultTo(0)
      table.text('errors_sample').nullable()
      table.string('error_report_path', 500).nullable()
      table.text('failure_reason').nullable()
      table.timestamp('started_at').nullable()
      table.timestamp('heartbeat_at').nullable()
      table.timestamp('finished_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['organization_id', 'id'])
      table.index(['status', 'id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
