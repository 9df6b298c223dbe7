import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import Membership from '#models/membership'
import CreateApiToken from '#actions/api_tokens/create_api_token'

/**
 * Headless setup: prints a new API token for a member as the last line.
 */
export default class TokensCreate extends BaseCommand {
  static commandName = 'tokens:create'
  static description =
    'Create an API token for a member of an organization (printed as the last line)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'The member’s email', required: true })
  declare email: string

  @flags.string({ description: 'The organization’s slug', required: true })
  declare org: string

  @flags.string({ description: 'A label for the token', default: 'command line' })
  declare name: string

  async run() {
    const membership = await Membership.query()
      .join('users', 'users.id', 'memberships.user_id')
      .join('organizations', 'organizations.id', 'memberships.organization_id')
      .where('users.email', this.email.trim().toLowerCase())
      .where('organizations.slug', this.org)
      .select('memberships.*')
      .first()
    if (!membership) {
      this.logger.error(
        `${this.email} is not a member of an organization with the slug "${this.org}"`
      )
      this.exitCode = 1
      return
    }
    // The API turns away tokens of suspended or pending members, so do not hand one out.
    if (!membership.isActive) {
      this.logger.error(`${this.email}'s membership of "${this.org}" is ${membership.status}`)
      this.exitCode = 1
      return
    }
    const token = await CreateApiToken.handle(membership, this.name)
    this.logger.log(token.secret)
  }
}
