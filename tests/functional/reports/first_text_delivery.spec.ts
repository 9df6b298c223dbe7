import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type ProviderAccount from '#models/provider_account'
import type { ClassifiedError, ProviderMessageStatus } from '#sms/types'
import sms from '#services/sms'
import { Dispatcher } from '#services/outbox/dispatcher'
import { applyStatus } from '#services/outbox/delivery_status'
import { queuedFirstText } from '#tests/helpers/reports'
import { addTextedContacts, rowsReadBy } from '#tests/helpers/rows_read'

function report(
  account: ProviderAccount,
  providerMessageId: string,
  status: ProviderMessageStatus,
  error?: ClassifiedError
) {
  return db.transaction((trx) =>
    applyStatus(account, { type: 'status', providerMessageId, status, error }, trx)
  )
}

const FAILURES: { kind: ClassifiedError['kind']; reason: string }[] = [
  { kind: 'landline', reason: 'landline' },
  { kind: 'invalid', reason: 'invalid' },
  { kind: 'opted_out', reason: 'carrier_opt_out' },
  { kind: 'filtered', reason: 'carrier_filtered' },
  { kind: 'unreachable', reason: 'other' },
]

test.group('Reports | first-text delivery', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sms.restore())

  test('sent when the provider takes it, delivered on its receipt, never back', async ({
    assert,
  }) => {
    sms.fake()
    const { account, row, first } = await queuedFirstText()

    await new Dispatcher().drainOnce()
    await row.refresh()
    assert.equal(row.delivery, 'sent')

    await first.refresh()
    await report(account, first.providerMessageId!, 'delivered')
    await row.refresh()
    assert.equal(row.delivery, 'delivered')

    // A late "sent" receipt and a later "failed" one change nothing.
    await report(account, first.providerMessageId!, 'sent')
    await report(account, first.providerMessageId!, 'failed')
    await row.refresh()
    assert.equal(row.delivery, 'delivered')
    assert.isNull(row.failureReason)
  })

  test('a provider refusal at send fails it with the reason ({kind})')
    .with(FAILURES.slice(0, 3))
    .run(async ({ assert }, { kind, reason }) => {
      sms.fake().failWhen({}, { errorClass: 'recipient', kind, code: 'x1', message: 'No' })
      const { row } = await queuedFirstText()

      await new Dispatcher().drainOnce()

      await row.refresh()
      assert.equal(row.delivery, 'failed')
      assert.equal(row.failureReason, reason)
    })

  test('an undelivered receipt fails it with the reason ({kind})')
    .with(FAILURES)
    .run(async ({ assert }, { kind, reason }) => {
      sms.fake()
      const { account, row, first } = await queuedFirstText()
      await new Dispatcher().drainOnce()
      await first.refresh()

      await report(account, first.providerMessageId!, 'undelivered', {
        errorClass: kind === 'unreachable' ? 'transient' : 'recipient',
        kind,
        code: '30007',
        message: 'Undelivered',
      })

      await row.refresh()
      assert.equal(row.delivery, 'failed')
      assert.equal(row.failureReason, reason)
    })

  test('later texts of the conversation never change the first text’s delivery', async ({
    assert,
  }) => {
    const fake = sms.fake()
    const { account, row, text } = await queuedFirstText()
    await new Dispatcher().drainOnce()
    const reply = await text('A later answer')
    fake.failWhen(
      { body: 'A later answer' },
      {
        errorClass: 'recipient',
        kind: 'landline',
        code: 'x2',
        message: 'Landline',
      }
    )

    await new Dispatcher().drainOnce()
    await reply.refresh()
    assert.equal(reply.status, 'failed')
    await report(account, 'recorded-1', 'delivered')

    await row.refresh()
    assert.equal(row.delivery, 'delivered')
    assert.isNull(row.failureReason)
  })

  test('a receipt reads only its own contact’s rows, however large the campaign', async ({
    assert,
  }) => {
    sms.fake()
    const { account, campaign, row, first } = await queuedFirstText()
    const others = await addTextedContacts(campaign, 200)
    await new Dispatcher().drainOnce()
    await first.refresh()

    const rowsRead = await rowsReadBy(() => report(account, first.providerMessageId!, 'delivered'))

    await row.refresh()
    assert.equal(row.delivery, 'delivered')
    const [{ queued }] = await db
      .from('campaign_contacts')
      .where('campaign_id', campaign.id)
      .where('delivery', 'queued')
      .count('* as queued')
    assert.equal(Number(queued), others)
    // MariaDB read every campaign contact for an UPDATE … WHERE id IN (subquery).
    if (rowsRead !== null) assert.isBelow(rowsRead, 20)
  })
})
