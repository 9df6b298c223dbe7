import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import CreateOwner from '#actions/organizations/create_owner'

/**
 * Headless setup: makes (or re-passwords) a user and makes them owner of the
 * named organization. Safe to run again with the same arguments.
 */
export default class UsersCreateOwner extends BaseCommand {
  static commandName = 'users:create-owner'
  static description =
    'Create or update a user as the owner of an organization (prints the org slug)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'The owner’s email', required: true })
  declare email: string

  @flags.string({ description: 'The owner’s password (at least 10 characters)', required: true })
  declare password: string

  @flags.string({ description: 'The organization’s name', required: true })
  declare org: string

  @flags.string({ description: 'The owner’s name (defaults to the part of the email before @)' })
  declare name?: string

  async run() {
    const result = await CreateOwner.handle({
      email: this.email,
      password: this.password,
      organizationName: this.org,
      fullName: this.name,
    })
    if ('errors' in result) {
      result.errors.forEach((message) => this.logger.error(message))
      this.exitCode = 1
      return
    }
    this.logger.info(`${result.user.email} owns ${result.organization.name}`)
    this.logger.log(result.organization.slug)
  }
}
