import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * When an import's uploaded file was deleted. An import that stopped
 * part-way keeps its file so it can be resumed; one that finished, or whose
 * file could not be read at all, has nothing left to resume.
 */
export default class extends BaseSchema {
  protected tableName = 'imports'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.timestamp('file_removed_at').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('file_removed_at')
    })
  }
}
