import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * People an organization texts, its lists and tags, and the org-wide
 * opt-out list (kept by phone, even after a contact is erased).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('contacts', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.string('phone', 20).notNullable()
      table.string('first_name', 120).nullable()
      table.string('last_name', 120).nullable()
      table.string('email', 254).nullable()
      table.string('zip', 10).nullable()
      table.string('state', 2).nullable()
      table.string('timezone', 64).nullable()
      table.string('timezone_candidates', 255).nullable()
      table.string('external_id', 120).nullable()
      table.text('custom_fields').nullable()
      table.boolean('unknown_sender').notNullable().defaultTo(false)
      table.timestamp('erased_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['organization_id', 'phone'])
      table.index(['organization_id', 'last_name'])
      table.index(['organization_id', 'zip'])
      table.index(['organization_id', 'state'])
    })

    this.schema.createTable('contact_lists', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.string('name', 120).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['organization_id'])
    })

    this.schema.createTable('contact_list_members', (table) => {
      table
        .integer('contact_list_id')
        .unsigned()
        .notNullable()
        .references('contact_lists.id')
        .onDelete('CASCADE')
      table
        .integer('contact_id')
        .unsigned()
        .notNullable()
        .references('contacts.id')
        .onDelete('CASCADE')
      table.primary(['contact_list_id', 'contact_id'])
      table.index(['contact_id'])
    })

    this.schema.createTable('tags', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.string('name', 80).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['organization_id', 'name'])
    })

    this.schema.createTable('contact_tags', (table) => {
      table
        .integer('contact_id')
        .unsigned()
        .notNullable()
        .references('contacts.id')
        .onDelete('CASCADE')
      table.integer('tag_id').unsigned().notNullable().references('tags.id').onDelete('CASCADE')
      table.primary(['contact_id', 'tag_id'])
      table.index(['tag_id'])
    })

    this.schema.createTable('opt_outs', (table) => {
      table.increments('id').notNullable()
      table
        .integer('organization_id')
        .unsigned()
        .notNullable()
        .references('organizations.id')
        .onDelete('CASCADE')
      table.string('phone', 20).notNullable()
      table.string('reason', 255).nullable()
      table.string('source', 40).notNullable()
      table.integer('message_id').unsigned().nullable()
      table
        .integer('created_by_id')
        .unsigned()
        .nullable()
        .references('users.id')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['organization_id', 'phone'])
    })
  }

  async down() {
    for (const table of [
      'opt_outs',
      'contact_tags',
      'tags',
      'contact_list_members',
      'contact_lists',
      'contacts',
    ]) {
      this.schema.dropTable(table)
    }
  }
}
