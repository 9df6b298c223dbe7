import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { existsSync } from 'node:fs'
import { DateTime } from 'luxon'
import type { ApiClient } from '@japa/api-client'
import AuditEvent from '#models/audit_event'
import Export from '#models/export'
import type Membership from '#models/membership'
import Organization from '#models/organization'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { absoluteExportPath } from '#services/exports/csv_file'
import { runRetention } from '#services/retention/daily_run'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { createContact, optOut } from '#tests/helpers/contacts'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { campaignWithOutcomes, completedExport } from '#tests/helpers/reports'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember, fieldErrors } from '#tests/helpers/web'
import { SENDER } from '#tests/helpers/messaging'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** Moves the application's time to `iso` (UTC). */
function travelTo(iso: string) {
  clock.reset()
  clock.travel(DateTime.fromISO(iso, { zone: 'utc' }).toMillis() - Date.now())
}

/** A text with `contactId` outside any campaign, `daysAgo` days before the (moved) clock. */
function textOf(organizationId: number, contactId: number, phone: string, daysAgo: number) {
  return db.table('messages').insert({
    organization_id: organizationId,
    contact_id: contactId,
    direction: 'inbound',
    body: `Reply from ${daysAgo} days ago`,
    from_phone: phone,
    to_phone: SENDER,
    status: 'received',
    created_at: sqlTime(clock.dateTime().minus({ days: daysAgo })),
  })
}

async function saveRetention(
  client: ApiClient,
  owner: Membership,
  retention: Record<string, number | null>
) {
  const response = await client
    .patch('/api/v1/organization')
    .bearerToken(await apiTokenFor(owner))
    .json({ settings: { retention } })
  return response
}

/**
 * A campaign whose texts are from 2026-11-20, seen on 2027-06-01 (over six
 * months later), plus two contacts texting outside it: one last texted 200
 * days ago, one with an old text but a recent one too; and three exports:
 * two old, one two days old.
 */
async function world() {
  travelTo('2027-06-01T12:00:00')
  const campaign = await campaignWithOutcomes()
  const org = campaign.organization.id
  const stale = await createContact(org, { firstName: 'Stale' })
  const lively = await createContact(org, { firstName: 'Lively' })
  await textOf(org, stale.id, stale.phone, 200)
  await textOf(org, lively.id, lively.phone, 200)
  await textOf(org, lively.id, lively.phone, 3)
  await optOut(org, stale.phone)
  const oldExports = [
    await completedExport(campaign.campaign, campaign.owner, 'old,1\r\n'),
    await completedExport(campaign.campaign, campaign.owner, 'old,2\r\n'),
  ]
  for (const record of oldExports) {
    await db
      .from('exports')
      .where('id', record.id)
      .update({ created_at: sqlTime(clock.dateTime().minus({ days: 40 })) })
  }
  const recent = await completedExport(campaign.campaign, campaign.owner, 'new\r\n')
  await db
    .from('exports')
    .where('id', recent.id)
    .update({ created_at: sqlTime(clock.dateTime().minus({ days: 2 })) })
  return { ...campaign, stale, lively, oldExports, recent }
}

test.group('Compliance | retention', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('limits are validated, and the dry run counts what the daily run then removes', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const token = await apiTokenFor(w.owner)

    for (const retention of [
      { conversationsMonths: 0 },
      { exportsDays: 1.5 },
      { conversationsMonths: 'six' },
    ]) {
      const refused = await saveRetention(client, w.owner, retention as any)
      refused.assertStatus(422)
    }

    // Off: nothing would go.
    const none = await client.get('/api/v1/organization/retention-preview').bearerToken(token)
    none.assertStatus(200)
    assertMatchesApiDoc(none)
    assert.containSubset(none.body(), { conversations: 0, exports: 0 })

    // Limits not yet saved: every campaign conversation and the 200-day-old one; two exports.
    const [texted] = await db
      .from('messages')
      .where('campaign_id', w.campaign.id)
      .countDistinct('campaign_contact_id as total')
    const expected = Number(texted.total) + 1
    const preview = await client
      .get('/api/v1/organization/retention-preview')
      .qs({ conversationsMonths: 6, exportsDays: 30 })
      .bearerToken(token)
    preview.assertStatus(200)
    assert.deepEqual(preview.body(), {
      retention: { conversationsMonths: 6, exportsDays: 30 },
      conversations: expected,
      exports: 2,
    })
    const page = inertiaPage(
      await asMember(
        client
          .get(urlFor('organization_settings.edit'))
          .qs({ conversationsMonths: 6, exportsDays: 30 }),
        w.owner
      )
    )
    assert.deepEqual(page.props.retentionPreview, preview.body())

    const saved = await saveRetention(client, w.owner, { conversationsMonths: 6, exportsDays: 30 })
    saved.assertStatus(200)
    assertMatchesApiDoc(saved)
    const organization = await Organization.findOrFail(w.organization.id)
    const statsBefore = await client
      .get(`/api/v1/campaigns/${w.campaign.id}/stats`)
      .bearerToken(token)

    const run = await runRetention(organization)
    assert.deepEqual(
      { conversations: run!.conversations, exports: run!.exports },
      { conversations: preview.body().conversations, exports: preview.body().exports }
    )

    // Old conversations are blanked, rows kept; the recent one is untouched, old text and all.
    const texts = await db
      .from('messages')
      .where('organization_id', w.organization.id)
      .select('contact_id', 'body')
    const campaignContactIds = new Set(w.contacts.map((contact) => contact.id))
    for (const text of texts) {
      if (campaignContactIds.has(text.contact_id) || text.contact_id === w.stale.id) {
        assert.equal(text.body, '')
      }
    }
    const lively = texts.filter((text) => text.contact_id === w.lively.id)
    assert.lengthOf(lively, 2)
    assert.isTrue(lively.every((text) => text.body !== ''))

    // Reports keep their counts; the opt-out list and the contacts stay.
    const statsAfter = await client
      .get(`/api/v1/campaigns/${w.campaign.id}/stats`)
      .bearerToken(token)
    assert.deepEqual(statsAfter.body(), statsBefore.body())
    const optOuts = await client
      .get('/api/v1/opt-outs')
      .qs({ phone: w.stale.phone })
      .bearerToken(token)
    assert.lengthOf(optOuts.body().data ?? optOuts.body(), 1)
    const stale = await client.get(`/api/v1/contacts/${w.stale.id}`).bearerToken(token)
    assert.equal(stale.body().firstName, 'Stale')

    // Old exports and their files are gone; the recent one stays.
    for (const record of w.oldExports) {
      assert.isNull(await Export.find(record.id))
      assert.isFalse(existsSync(absoluteExportPath(record.filePath!)))
    }
    assert.isNotNull(await Export.find(w.recent.id))
    assert.isTrue(existsSync(absoluteExportPath(w.recent.filePath!)))

    const audited = await AuditEvent.query()
      .where('organization_id', w.organization.id)
      .where('action', 'retention.applied')
    assert.lengthOf(audited, 1)
    assert.containSubset(audited[0].details, {
      conversationsErased: expected,
      exportsDeleted: 2,
    })

    // Nothing left to do: the dry run now finds nothing.
    const after = await client.get('/api/v1/organization/retention-preview').bearerToken(token)
    assert.containSubset(after.body(), { conversations: 0, exports: 0 })
  })

  test('runs once a day, however many times or workers start it', async ({ assert }) => {
    const w = await world()
    const organization = await Organization.findOrFail(w.organization.id)
    organization.settings = {
      ...organization.settings,
      retention: { conversationsMonths: 6, exportsDays: 30 },
    }
    await organization.save()

    const results = await Promise.all([runRetention(organization), runRetention(organization)])
    assert.lengthOf(
      results.filter((result) => result !== null),
      1
    )
    assert.isNull(await runRetention(organization))
    const audited = () =>
      AuditEvent.query()
        .where('organization_id', w.organization.id)
        .where('action', 'retention.applied')
    assert.lengthOf(await audited(), 1)

    // The next day it runs again, finding what has aged past the limits since.
    clock.travel(24 * 60 * 60 * 1000)
    const nextDay = await runRetention(organization)
    assert.deepEqual(nextDay, { conversations: 0, messagesBlanked: 0, exports: 0 })
    assert.lengthOf(await audited(), 2)
  })

  test('an organization without limits is left alone, and only admins see the dry run', async ({
    client,
    assert,
  }) => {
    const w = await world()
    const organization = await Organization.findOrFail(w.organization.id)
    assert.isNull(await runRetention(organization))
    const kept = await db
      .from('messages')
      .where('organization_id', w.organization.id)
      .where('body', '')
      .count('* as total')
    assert.equal(Number(kept[0].total), 0)

    const texter = await createMember('texter', { organization: w.organization })
    const refused = await client
      .get('/api/v1/organization/retention-preview')
      .bearerToken(await apiTokenFor(texter))
    refused.assertStatus(403)
  })

  test('the settings page saves the limits and the erasure setting, and turns a limit off', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('admin')
    const save = (settings: Record<string, unknown>) =>
      asMember(client.put(urlFor('organization_settings.update')), owner).json({
        name: owner.organization.name,
        settings,
      })

    const saved = await save({
      eraseOnOptOut: true,
      retention: { conversationsMonths: 18, exportsDays: 30 },
    })
    saved.assertStatus(302)
    await owner.organization.refresh()
    assert.isTrue(owner.organization.settings.eraseOnOptOut)
    assert.deepEqual(owner.organization.settings.retention, {
      conversationsMonths: 18,
      exportsDays: 30,
    })

    await save({ retention: { exportsDays: null } })
    await owner.organization.refresh()
    assert.deepEqual(owner.organization.settings.retention, {
      conversationsMonths: 18,
      exportsDays: null,
    })

    const refused = await save({ retention: { conversationsMonths: -3 } })
    refused.assertStatus(302)
    assert.include(Object.keys(fieldErrors(refused)), 'settings.retention.conversationsMonths')
    const page = inertiaPage(
      await asMember(client.get(urlFor('organization_settings.edit')), owner)
    )
    assert.deepEqual(page.props.retentionPreview, {
      retention: { conversationsMonths: 18, exportsDays: null },
      conversations: 0,
      exports: 0,
    })
  })
})
