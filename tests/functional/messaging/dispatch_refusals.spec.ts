import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type Campaign from '#models/campaign'
import sms from '#services/sms'
import { Dispatcher } from '#services/outbox/dispatcher'
import { campaignStats } from '#services/reports/campaign_stats'
import { settleRefusedFirstTexts } from '#database/report_counters'
import RecordOptOut from '#actions/opt_outs/record_opt_out'
import { apiTokenFor } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { queuedFirstText } from '#tests/helpers/reports'

/**
 * The dispatcher's clock for these tests: 23:00 in New York on 9 June 2026,
 * outside every texting window there. The window (09:00–20:00, the
 * organization's default) opens at 09:00 EDT, 13:00 UTC.
 */
const LATE_EVENING = new Date('2026-06-10T03:00:00Z')
const WINDOW_OPENS = new Date('2026-06-10T13:00:00Z')
const NEW_YORK = 'America/New_York'

const at = (clock: Date) => new Dispatcher({ clock: () => clock })

async function end(campaign: Campaign) {
  campaign.status = 'completed'
  await campaign.save()
}

/** The report's first-text figures. */
async function figures(campaign: Campaign) {
  const stats = await campaignStats(campaign)
  return {
    queued: stats.queued,
    sent: stats.sent,
    failed: stats.failed,
    optedOut: stats.failedByReason.optedOut,
    textingHours: stats.failedByReason.textingHours,
    variantSent: stats.variants[0].sent,
    texterSent: stats.texters[0]?.sent ?? 0,
  }
}

test.group('Dispatcher | texts its last checks refuse are settled, never stuck', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sms.restore())

  test('a phone that opted out meanwhile: failed with that reason, counted as failed, not sent', async ({
    assert,
    client,
  }) => {
    const fake = sms.fake()
    const { owner, campaign, contact, row, first } = await queuedFirstText()
    await RecordOptOut.handle({
      organizationId: owner.organizationId,
      phone: contact.phone,
      source: 'admin',
    })

    await new Dispatcher().drainOnce()

    fake.assertNoneSent()
    await first.refresh()
    assert.containSubset(first.serialize(), {
      status: 'failed',
      errorCode: 'opted_out',
      errorClass: 'refused',
    })
    await row.refresh()
    assert.containSubset(row.serialize(), { delivery: 'failed', failureReason: 'opted_out' })
    assert.deepEqual(await figures(campaign), {
      queued: 0,
      sent: 0,
      failed: 1,
      optedOut: 1,
      textingHours: 0,
      variantSent: 0,
      texterSent: 0,
    })

    const stats = await client
      .get(`/api/v1/campaigns/${campaign.id}/stats`)
      .bearerToken(await apiTokenFor(owner))
    stats.assertStatus(200)
    assertMatchesApiDoc(stats)
    assert.equal(stats.body().failedByReason.optedOut, 1)
  })

  test('outside texting hours: it waits in the queue until the window opens, then goes', async ({
    assert,
  }) => {
    const fake = sms.fake()
    const { campaign, row, first } = await queuedFirstText({ timezone: NEW_YORK })

    assert.equal(await at(LATE_EVENING).drainOnce(), 1)

    fake.assertNoneSent()
    await first.refresh()
    assert.containSubset(first.serialize(), {
      status: 'queued',
      errorCode: 'waiting_for_texting_hours',
      errorClass: null,
    })
    assert.equal(first.nextAttemptAt!.toMillis(), WINDOW_OPENS.getTime())
    assert.match(first.errorMessage!, /goes out when they open \(2026-06-10 13:00 UTC\)/)
    assert.equal(first.attempts, 0)
    assert.deepInclude(await figures(campaign), { queued: 1, sent: 0, failed: 0 })

    // Not due a minute before the window opens; due and sent when it does.
    assert.equal(await at(new Date(WINDOW_OPENS.getTime() - 60_000)).drainOnce(), 0)
    assert.equal(await at(WINDOW_OPENS).drainOnce(), 1)

    fake.assertSentCount(1)
    await first.refresh()
    assert.containSubset(first.serialize(), { status: 'sent', errorCode: null })
    await row.refresh()
    assert.equal(row.delivery, 'sent')
    assert.deepInclude(await figures(campaign), { queued: 0, sent: 1, failed: 0 })
  })

  test('a text waiting for texting hours fails once its campaign ends', async ({ assert }) => {
    const fake = sms.fake()
    const { campaign, row, first } = await queuedFirstText({ timezone: NEW_YORK })
    await at(LATE_EVENING).drainOnce()

    await end(campaign)
    await at(WINDOW_OPENS).drainOnce()

    fake.assertNoneSent()
    await first.refresh()
    assert.containSubset(first.serialize(), {
      status: 'failed',
      errorCode: 'campaign_ended',
      errorClass: 'refused',
    })
    await row.refresh()
    assert.containSubset(row.serialize(), { delivery: 'failed', failureReason: 'texting_hours' })
    assert.deepEqual(await figures(campaign), {
      queued: 0,
      sent: 0,
      failed: 1,
      optedOut: 0,
      textingHours: 1,
      variantSent: 0,
      texterSent: 0,
    })
  })

  test('outside texting hours of a campaign that has already ended: it fails at once', async ({
    assert,
  }) => {
    sms.fake()
    const { campaign, first } = await queuedFirstText({ timezone: NEW_YORK })
    await end(campaign)

    await at(LATE_EVENING).drainOnce()

    await first.refresh()
    assert.containSubset(first.serialize(), { status: 'failed', errorCode: 'campaign_ended' })
  })

  test('hours that leave the recipient no time at all: it fails rather than wait forever', async ({
    assert,
  }) => {
    sms.fake()
    // 06:00–07:00 lies outside the federal 08:00–21:00: nothing is left.
    const { campaign, row, first } = await queuedFirstText({
      campaign: { textingHours: { start: '06:00', end: '07:00' } },
    })

    await new Dispatcher().drainOnce()

    await first.refresh()
    assert.containSubset(first.serialize(), {
      status: 'failed',
      errorCode: 'outside_texting_hours',
      errorClass: 'refused',
    })
    await row.refresh()
    assert.equal(row.failureReason, 'texting_hours')
    assert.deepInclude(await figures(campaign), { queued: 0, failed: 1, textingHours: 1 })
  })

  test('a later text of the conversation waits for the window too, leaving the first text alone', async ({
    assert,
  }) => {
    sms.fake()
    const { row, first, text } = await queuedFirstText({ timezone: NEW_YORK })
    await at(new Date('2026-06-09T16:00:00Z')).drainOnce() // noon in New York: the first text goes
    const answer = await text('Thanks for writing back!')

    await at(LATE_EVENING).drainOnce()

    await answer.refresh()
    assert.containSubset(answer.serialize(), {
      status: 'queued',
      errorCode: 'waiting_for_texting_hours',
    })
    assert.equal(answer.nextAttemptAt!.toMillis(), WINDOW_OPENS.getTime())
    await Promise.all([first.refresh(), row.refresh()])
    assert.equal(first.status, 'sent')
    assert.equal(row.delivery, 'sent')
  })

  test('first texts refused before this was settled leave "queued" when the migration runs', async ({
    assert,
  }) => {
    const { campaign, row, first } = await queuedFirstText()
    // What the dispatcher used to do: fail the text, leave its campaign contact queued.
    await db
      .from('messages')
      .where('id', first.id)
      .update({ status: 'failed', error_code: 'opted_out', error_class: 'recipient' })
    assert.deepInclude(await figures(campaign), { queued: 1, failed: 0 })

    assert.equal(await settleRefusedFirstTexts(db.connection()), 1)

    await row.refresh()
    assert.containSubset(row.serialize(), { delivery: 'failed', failureReason: 'opted_out' })
    assert.deepInclude(await figures(campaign), { queued: 0, sent: 0, failed: 1, optedOut: 1 })
  })
})
