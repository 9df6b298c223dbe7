import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import AuditEvent from '#models/audit_event'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import type Membership from '#models/membership'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { campaignWithOutcomes } from '#tests/helpers/reports'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { createContact } from '#tests/helpers/contacts'
import { createConversation } from '#tests/helpers/conversations'
import { asMember } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function setEraseOnOptOut(client: ApiClient, owner: Membership, value: boolean) {
  const response = await client
    .patch('/api/v1/organization')
    .bearerToken(await apiTokenFor(owner))
    .json({ settings: { eraseOnOptOut: value } })
  response.assertStatus(200)
  assertMatchesApiDoc(response)
  return response.body()
}

async function getContact(client: ApiClient, owner: Membership, id: number) {
  const response = await client.get(`/api/v1/contacts/${id}`).bearerToken(await apiTokenFor(owner))
  response.assertStatus(200)
  assertMatchesApiDoc(response)
  return response.body()
}

/** Counts only: ids and names differ from one organization to the next. */
function countsOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(countsOf)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !/(^id|Id|^name)$/.test(key))
      .map(([key, inner]) => [key, countsOf(inner)])
  )
}

/** The campaign's report figures. */
async function figures(client: ApiClient, owner: Membership, campaignId: number) {
  const response = await client
    .get(`/api/v1/campaigns/${campaignId}/stats`)
    .bearerToken(await apiTokenFor(owner))
  response.assertStatus(200)
  return countsOf(response.body()) as Record<string, unknown>
}

/** A campaign with outcomes whose first contact texts STOP through the fake carrier. */
async function worldTextingStop(client: ApiClient, erase: boolean) {
  const world = await campaignWithOutcomes()
  await setEraseOnOptOut(client, world.owner, erase)
  const account = await createFakeAccount(world.organization.id)
  const stop = fakeInbound(world.contacts[0].phone, 'STOP')
  const response = await postFakeWebhook(account, stop)
  return { world, account, stop, response }
}

test.group('Compliance | erasure when someone opts out', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the setting is off by default, saved by PATCH and validated', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const token = await apiTokenFor(owner)
    const shown = await client.get('/api/v1/organization').bearerToken(token)
    assert.isFalse(shown.body().settings.eraseOnOptOut)
    assert.deepEqual(shown.body().settings.retention, {
      conversationsMonths: null,
      exportsDays: null,
    })

    const saved = await setEraseOnOptOut(client, owner, true)
    assert.isTrue(saved.settings.eraseOnOptOut)

    const refused = await client
      .patch('/api/v1/organization')
      .bearerToken(token)
      .json({ settings: { eraseOnOptOut: 'sometimes' } })
    refused.assertStatus(422)

    const texter = await createMember('texter', { organization: owner.organization })
    const forbidden = await client
      .patch('/api/v1/organization')
      .bearerToken(await apiTokenFor(texter))
      .json({ settings: { eraseOnOptOut: false } })
    forbidden.assertStatus(403)
  })

  test('a STOP erases the person when the setting is on, and reports keep their counts', async ({
    client,
    assert,
  }) => {
    const off = await worldTextingStop(client, false)
    const beforeOn = await campaignWithOutcomes()
    const figuresBefore = await figures(client, beforeOn.owner, beforeOn.campaign.id)
    await setEraseOnOptOut(client, beforeOn.owner, true)
    const account = await createFakeAccount(beforeOn.organization.id)
    const stop = fakeInbound(beforeOn.contacts[0].phone, 'STOP')
    const response = await postFakeWebhook(account, stop)
    assert.equal(off.response.status, 204)
    assert.equal(response.status, 204)

    const erased = await getContact(client, beforeOn.owner, beforeOn.contacts[0].id)
    assert.containSubset(erased, {
      erased: true,
      optedOut: true,
      firstName: null,
      lastName: null,
      zip: null,
      customFields: {},
      tags: [],
      optIn: null,
    })
    // The phone stays: it is what keeps them on the opt-out list.
    assert.equal(erased.phone, beforeOn.contacts[0].phone)
    assert.isNotNull(
      await OptOut.query()
        .where('organization_id', beforeOn.organization.id)
        .where('phone', beforeOn.contacts[0].phone)
        .first()
    )
    // Every text with them is blanked but the opt-out confirmation queued after the erasure.
    const texts = await Message.query()
      .where('organization_id', beforeOn.organization.id)
      .where('contact_id', beforeOn.contacts[0].id)
    assert.isAbove(texts.length, 2)
    for (const text of texts) {
      if (text.purpose === 'opt_out_confirmation') continue
      assert.equal(text.body, '', `text ${text.id}`)
    }
    const audited = await AuditEvent.query()
      .where('organization_id', beforeOn.organization.id)
      .where('action', 'contact.erased')
    assert.lengthOf(audited, 1)
    assert.containSubset(audited[0].details, { reason: 'opted_out' })

    // With the setting off the same STOP keeps the person's data.
    const kept = await getContact(client, off.world.owner, off.world.contacts[0].id)
    assert.containSubset(kept, { erased: false, optedOut: true })
    assert.equal(kept.firstName, off.world.contacts[0].firstName)

    // Both organizations' figures moved alike: the erasure changed no count.
    const withErasure = await figures(client, beforeOn.owner, beforeOn.campaign.id)
    const withoutErasure = await figures(client, off.world.owner, off.world.campaign.id)
    assert.deepEqual(withErasure, withoutErasure)
    assert.equal(withErasure.targeted, figuresBefore.targeted)
    assert.equal(withErasure.sent, figuresBefore.sent)
    assert.equal(withErasure.delivered, figuresBefore.delivered)
    assert.deepEqual(withErasure.survey, figuresBefore.survey)
  })

  test('a repeated STOP webhook, or a second STOP, is fine and erases nothing more', async ({
    client,
    assert,
  }) => {
    const { world, account, stop } = await worldTextingStop(client, true)
    const countErased = () =>
      AuditEvent.query()
        .where('organization_id', world.organization.id)
        .where('action', 'contact.erased')
        .count('* as total')
        .first()
        .then((row) => Number(row!.$extras.total))

    const repeated = await postFakeWebhook(account, stop)
    const again = await postFakeWebhook(account, fakeInbound(world.contacts[0].phone, 'stop'))
    assert.equal(repeated.status, 204)
    assert.equal(again.status, 204)
    assert.equal(await countErased(), 1)
    const events = await db
      .from('webhook_events')
      .where('provider_account_id', account.id)
      .select('status')
    assert.isTrue(events.every((event) => event.status === 'processed'))
    const contact = await getContact(client, world.owner, world.contacts[0].id)
    assert.isTrue(contact.erased)
  })

  test('an opt-out recorded through the API erases too', async ({ client, assert }) => {
    const world = await campaignWithOutcomes()
    await setEraseOnOptOut(client, world.owner, true)
    const response = await client
      .post('/api/v1/opt-outs')
      .bearerToken(await apiTokenFor(world.owner))
      .json({ phone: world.contacts[2].phone, reason: 'Called the office' })
    response.assertStatus(201)

    const contact = await getContact(client, world.owner, world.contacts[2].id)
    assert.containSubset(contact, { erased: true, optedOut: true, firstName: null })
    const untouched = await getContact(client, world.owner, world.contacts[3].id)
    assert.containSubset(untouched, { erased: false, firstName: world.contacts[3].firstName })
  })

  test("a texter's opt-out button erases too, and the confirmation still goes out", async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    await setEraseOnOptOut(client, owner, true)
    const texter = await createMember('texter', { organization: owner.organization })
    await createFakeAccount(owner.organizationId)
    const contact = await createContact(owner.organizationId, {
      firstName: 'Dana',
      customFields: { Ward: '4' },
    })
    const { conversation } = await createConversation(texter, { contact })

    const response = await asMember(
      client.post(urlFor('conversations.opt_out', { id: conversation.id })),
      texter
    ).json({ confirm: true })
    response.assertStatus(302)

    const shown = await getContact(client, owner, contact.id)
    assert.containSubset(shown, { erased: true, optedOut: true, firstName: null, customFields: {} })
    const confirmation = await Message.query()
      .where('to_phone', contact.phone)
      .where('purpose', 'opt_out_confirmation')
      .firstOrFail()
    assert.notEqual(confirmation.body, '')
    const audited = await AuditEvent.query()
      .where('organization_id', owner.organizationId)
      .where('action', 'contact.erased')
      .firstOrFail()
    assert.equal(audited.userId, texter.userId)
  })
})
