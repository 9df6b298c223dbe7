import { rm } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import Organization from '#models/organization'
import { audit } from '#services/audit'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { isUniqueViolation } from '#services/db/unique_violation'
import { removeExpired } from '#services/retention/policy'

const hasRetention = (organization: Organization) =>
  organization.settings.retention.conversationsMonths !== null ||
  organization.settings.retention.exportsDays !== null

/**
 * Applies an organization's retention settings once per (UTC) day. The day's
 * `retention_runs` row is the claim: it is unique per organization and day,
 * so of several workers (or two calls at once) one runs it and the others
 * find it taken. A run that fails gives its claim back for the next try.
 * Returns what it removed, or null when there was nothing to run.
 */
export async function runRetention(organization: Organization) {
  if (!hasRetention(organization)) return null
  const now = clock.dateTime()
  const runOn = now.toUTC().toISODate()!
  let runId: number
  try {
    const [id] = await db
      .table('retention_runs')
      .insert({ organization_id: organization.id, run_on: runOn, created_at: sqlTime(now) })
    runId = Number(id)
  } catch (error) {
    if (isUniqueViolation(error)) return null
    throw error
  }

  let removed: Awaited<ReturnType<typeof removeExpired>>
  try {
    removed = await db.transaction(async (trx) => {
      const result = await removeExpired(trx, organization.id, organization.settings.retention, now)
      await trx
        .from('retention_runs')
        .where('id', runId)
        .update({
          conversations_erased: result.conversations,
          exports_deleted: result.exports,
          finished_at: sqlTime(now),
        })
      await audit(
        {
          organizationId: organization.id,
          userId: null,
          action: 'retention.applied',
          subject: { type: 'organization', id: organization.id },
          details: {
            conversationsErased: result.conversations,
            messagesBlanked: result.messagesBlanked,
            exportsDeleted: result.exports,
            retention: organization.settings.retention,
          },
        },
        trx
      )
      return result
    })
  } catch (error) {
    await db.from('retention_runs').where('id', runId).delete()
    throw error
  }
  // The rows are gone for good: now their files can go too.
  await Promise.all(removed.files.map((file) => rm(file, { force: true })))
  return {
    conversations: removed.conversations,
    messagesBlanked: removed.messagesBlanked,
    exports: removed.exports,
  }
}

/** The worker's daily pass over every organization with a retention limit on. */
export async function runDueRetention() {
  const organizations = await Organization.query().orderBy('id')
  for (const organization of organizations) await runRetention(organization)
}
