import db from '@adonisjs/lucid/services/db'

const PER_PAGE = 25

/** The sync log of one account: results newest first (a page), their counts by status, recent imports. */
export async function syncLog(accountId: number, page: number) {
  const items = await db
    .from('integration_sync_items as i')
    .leftJoin('contacts as c', 'c.id', 'i.contact_id')
    .where('i.account_id', accountId)
    .orderBy('i.id', 'desc')
    .select(
      'i.id',
      'i.kind',
      'i.status',
      'i.attempts',
      'i.error',
      'i.payload',
      'i.next_attempt_at',
      'i.created_at',
      'c.phone'
    )
    .paginate(page, PER_PAGE)
  const counted = await db
    .from('integration_sync_items')
    .where('account_id', accountId)
    .groupBy('status')
    .select('status')
    .count('* as total')
  const imports = await db
    .from('integration_import_runs')
    .where('account_id', accountId)
    .orderBy('id', 'desc')
    .limit(10)
    .select(
      'id',
      'status',
      'pages',
      'created',
      'updated',
      'invalid',
      'opted_out',
      'error',
      'started_at',
      'finished_at'
    )

  const iso = (value: unknown) =>
    value
      ? new Date(value instanceof Date ? value : String(value).replace(' ', 'T')).toISOString()
      : null
  return {
    items: items.all().map((row) => {
      const payload = JSON.parse(row.payload)
      return {
        id: row.id,
        kind: row.kind,
        status: row.status,
        attempts: row.attempts,
        error: row.error,
        phone: row.phone ?? payload.phone ?? null,
        crmIds: [payload.questionId, payload.responseId, payload.tagId].filter(Boolean).join(' / '),
        nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
        createdAt: iso(row.created_at),
      }
    }),
    meta: { total: items.total, page: items.currentPage, perPage: PER_PAGE },
    counts: Object.fromEntries(counted.map((row) => [row.status, Number(row.total)])),
    imports: imports.map((run) => ({
      ...run,
      startedAt: iso(run.started_at),
      finishedAt: iso(run.finished_at),
    })),
  }
}
