import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { organizationsWithTrail, verifyChain } from '#services/audit_trail/verify'

/**
 * Checks every organization's audit trail (or one's) against its hash
 * chain and reports the first break; exits 1 when any chain is broken.
 */
export default class AuditVerify extends BaseCommand {
  static commandName = 'audit:verify'
  static description = 'Check that no audit event was edited, removed or inserted'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Only this organization (its id)' })
  declare org?: number

  async run() {
    const organizations = this.org ? [this.org] : await organizationsWithTrail()
    let broken = 0
    for (const organizationId of organizations) {
      const report = await verifyChain(organizationId)
      const unchained = report.unchained
        ? ` (${report.unchained} from before chaining, not checked)`
        : ''
      if (report.firstBreak) {
        broken++
        this.logger.error(
          `organization ${organizationId}: broken at event ${report.firstBreak.eventId ?? '?'}: ${report.firstBreak.reason}`
        )
      } else {
        this.logger.info(
          `organization ${organizationId}: ${report.events} events intact${unchained}`
        )
      }
    }
    if (broken) {
      this.logger.error(`${broken} of ${organizations.length} audit trails are broken`)
      this.exitCode = 1
    } else {
      this.logger.success(`${organizations.length} audit trails intact`)
    }
  }
}
