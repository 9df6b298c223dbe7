import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import MediaItem from '#models/media_item'
import MessageMedia from '#models/message_media'
import { DateTime } from 'luxon'
import Membership from '#models/membership'
import type { OrgA } from './world.js'
import { finishedImportWithReport, uploadedImport } from '#tests/helpers/imports'
import Segment from '#models/segment'
import { createContact, createList, createTag, optOut } from '#tests/helpers/contacts'
import { createFakeAccount, SENDER } from '#tests/helpers/messaging'
import Message from '#models/message'
import CannedResponse from '#models/canned_response'
import { createRule } from '#tests/helpers/auto_answers'
import LaunchCampaign from '#actions/campaigns/launch_campaign'
import ChangeCampaignStatus from '#actions/campaigns/change_campaign_status'
import { createDraft, GOOD_MESSAGE } from '#tests/helpers/campaigns'
import {
  createActiveCampaign,
  createConversation,
  SURVEY,
  zoneAt,
} from '#tests/helpers/conversations'
import InteractionStep from '#models/interaction_step'
import { campaignContacts, launchedCampaign } from '#tests/helpers/texting'
import { completedExport } from '#tests/helpers/reports'
import Campaign from '#models/campaign'
import db from '@adonisjs/lucid/services/db'
import WebhookEndpoint from '#models/webhook_endpoint'
import IntegrationAccount from '#models/integration_account'
import type { IntegrationAccountConfig } from '#integrations/contract'
import { actionNetworkStandin } from '#tests/fixtures/integrations/actionnetwork_kit'
import { sqlTime } from '#services/db/sql_time'
import { generateSecret } from '#services/outbound_webhooks/signing'
import { recordEvent, TEST_EVENT_TYPE } from '#services/outbound_webhooks/events'
import TendlcRegistration from '#models/tendlc_registration'
import { BRAND_SID, createTwilioAccount, sharedTwilioStandIn } from '#tests/helpers/tendlc_provider'

type Params = Record<string, string | number>

/**
 * How to point one route at organization A's data.
 */
export type RouteFixture = {
  /**
   * A's values for the route's params. A route that changes or deletes its
   * record gets a record of its own (`a.newMember()`, `a.newInvite()`, or one
   * you create with `organizationId: a.organization.id` and `a.marker` in its
   * text), because A's owner also calls every route to prove the fixture
   * points at something real.
   */
  params: (a: OrgA) => Params | Promise<Params>
  /**
   * A body that passes validation, so a refusal cannot come from the
   * validator before the record lookup has been tried. A function gets the
   * params, for a body naming a record the params made (extra params that
   * are not in the route's pattern are left out of its URL).
   */
  body?: Record<string, unknown> | ((params: Params) => Record<string, unknown>)
}

/**
 * Every route with params, by route name. The isolation walker
 * (isolation.spec.ts) calls each one as organization B with A's values and
 * expects 403 or 404; a route with params and no entry here (or in
 * `exemptRoutes`) fails it.
 */
export const routeFixtures: Record<string, RouteFixture> = {
  'organizations.switch': { params: (a) => ({ id: a.organization.id }) },

  'api_tokens.destroy': {
    params: async (a) => {
      const token = await Membership.accessTokens.create(a.owner, ['*'], { name: a.marker })
      a.secrets.push(token.value!.release())
      return { id: Number(token.identifier) }
    },
  },

  'members.update': {
    params: (a) => a.newMember().then(({ id }) => ({ id })),
    body: { role: 'supervisor' },
  },
  'members.update_status': {
    params: (a) => a.newMember().then(({ id }) => ({ id })),
    body: { status: 'suspended' },
  },
  'members.destroy': { params: (a) => a.newMember().then(({ id }) => ({ id })) },

  'invites.destroy': { params: (a) => a.newInvite().then(({ id }) => ({ id })) },
  'api.invites.destroy': { params: (a) => a.newInvite().then(({ id }) => ({ id })) },

  'imports.show': {
    params: (a) => finishedImportWithReport(a.owner, a.marker).then(({ id }) => ({ id })),
  },
  'imports.report': {
    params: (a) => finishedImportWithReport(a.owner, a.marker).then(({ id }) => ({ id })),
  },
  'imports.remap': {
    params: (a) =>
      uploadedImport(a.owner, 'messy.csv', { status: 'draft', listName: a.marker }).then(
        ({ id }) => ({ id })
      ),
    body: { list: 'Renamed', defaultRegion: 'US' },
  },
  'imports.start': {
    params: (a) =>
      uploadedImport(a.owner, 'messy.csv', { status: 'draft', listName: a.marker }).then(
        ({ id }) => ({ id })
      ),
    body: { list: 'Started', defaultRegion: 'US' },
  },
  'imports.resume': {
    params: (a) =>
      uploadedImport(a.owner, 'messy.csv', { status: 'failed', listName: a.marker }).then(
        ({ id }) => ({ id })
      ),
  },
  'api.imports.resume': {
    params: (a) =>
      uploadedImport(a.owner, 'messy.csv', { status: 'failed', listName: a.marker }).then(
        ({ id }) => ({ id })
      ),
  },
  'api.imports.show': {
    params: (a) => finishedImportWithReport(a.owner, a.marker).then(({ id }) => ({ id })),
  },
  'api.imports.report': {
    params: (a) => finishedImportWithReport(a.owner, a.marker).then(({ id }) => ({ id })),
  },

  'provider_accounts.edit': { params: (a) => providerAccountOf(a) },
  'provider_accounts.update': {
    params: (a) => providerAccountOf(a),
    body: { name: 'Renamed carrier' },
  },
  'provider_accounts.test_message': {
    params: (a) => providerAccountOf(a),
    body: { to: '+12025550123', body: 'Testing' },
  },
  'provider_accounts.check': { params: (a) => providerAccountOf(a) },
  'provider_accounts.enable': { params: (a) => providerAccountOf(a) },
  'provider_accounts.registration': {
    params: (a) => providerAccountOf(a),
    // Sent form-encoded: an index-keyed object reads back as the array.
    body: { registered: { 0: SENDER }, poolRegistered: true },
  },
  'api.provider_accounts.show': { params: (a) => providerAccountOf(a) },
  'api.provider_accounts.test_message': {
    params: (a) => providerAccountOf(a),
    body: { to: '+12025550123', body: 'Testing' },
  },
  'api.messages.show': { params: (a) => parkedMessageOf(a) },
  'api.messages.picture': { params: (a) => pictureMessageOf(a) },
  'message_media.show': { params: (a) => pictureMessageOf(a) },
  'media.show': { params: (a) => mediaItemOf(a) },
  'media.destroy': { params: (a) => mediaItemOf(a) },
  'api.media.show': { params: (a) => mediaItemOf(a) },
  'api.media.destroy': { params: (a) => mediaItemOf(a) },
  'outbox_reviews.resend': { params: (a) => parkedMessageOf(a) },
  'outbox_reviews.discard': { params: (a) => parkedMessageOf(a) },
  'phones.show': {
    params: (a) =>
      providerAccountOf(a).then(({ id }) => ({ accountId: id, phone: '+12025550123' })),
  },
  'phones.store': {
    params: (a) => providerAccountOf(a).then(({ id }) => ({ accountId: id })),
    body: { phone: '+12025550123', to: SENDER, body: 'A reply' },
  },

  'contacts.show': { params: (a) => contactOf(a) },
  'contacts.edit': { params: (a) => contactOf(a) },
  'contacts.update': {
    params: (a) => contactOf(a),
    body: { firstName: 'Renamed', lastName: '', zip: '', state: '' },
  },
  'contacts.erase': { params: (a) => contactOf(a) },
  'api.contacts.show': { params: (a) => contactOf(a) },
  'api.contacts.update': { params: (a) => contactOf(a), body: { firstName: 'Renamed' } },
  'api.contacts.destroy': { params: (a) => contactOf(a) },
  'lists.update': {
    params: (a) =>
      createList(a.organization.id, `List ${a.marker} ${++made}`).then(({ id }) => ({ id })),
    body: { name: 'Renamed list' },
  },
  'lists.destroy': {
    params: (a) =>
      createList(a.organization.id, `List ${a.marker} ${++made}`).then(({ id }) => ({ id })),
  },
  'tags.update': {
    params: (a) =>
      createTag(a.organization.id, `tag ${a.marker} ${++made}`).then(({ id }) => ({ id })),
    body: { name: 'renamed tag' },
  },
  'tags.destroy': {
    params: (a) =>
      createTag(a.organization.id, `tag ${a.marker} ${++made}`).then(({ id }) => ({ id })),
  },
  'segments.edit': { params: (a) => segmentOf(a) },
  'segments.update': { params: (a) => segmentOf(a), body: { name: 'Renamed segment' } },
  'segments.destroy': { params: (a) => segmentOf(a) },
  'api.segments.show': { params: (a) => segmentOf(a) },
  'api.segments.update': { params: (a) => segmentOf(a), body: { name: 'Renamed segment' } },
  'api.segments.destroy': { params: (a) => segmentOf(a) },
  'opt_outs.destroy': {
    params: async (a) => {
      const contact = await createContact(a.organization.id)
      const { id } = await optOut(a.organization.id, contact.phone, a.marker)
      return { id }
    },
    body: { reason: 'texted START' },
  },
  'campaigns.show': { params: (a) => campaignOf(a, 'draft') },
  'campaigns.edit': { params: (a) => campaignOf(a, 'draft') },
  'campaigns.update': {
    params: (a) => campaignOf(a, 'draft'),
    // Sent form-encoded without array indices: an index-keyed object reads back as the array.
    body: { name: 'Renamed campaign', script: { initial: { 0: { body: 'Hi' } } } },
  },
  'campaigns.launch': { params: (a) => campaignOf(a, 'draft') },
  'campaigns.pause': { params: (a) => campaignOf(a, 'active') },
  'campaigns.resume': { params: (a) => campaignOf(a, 'paused') },
  'campaigns.complete': { params: (a) => campaignOf(a, 'active') },
  'campaigns.archive': { params: (a) => campaignOf(a, 'draft') },
  'campaigns.copy': { params: (a) => campaignOf(a, 'draft') },
  'api.campaigns.show': { params: (a) => campaignOf(a, 'draft') },
  'api.canned_responses.destroy': { params: (a) => cannedResponseOf(a) },
  'api.canned_responses.update': {
    params: (a) => cannedResponseOf(a),
    body: { title: 'Renamed reply', body: 'Changed text' },
  },
  'canned_responses.update': {
    params: (a) => cannedResponseOf(a),
    body: { title: 'Renamed reply', body: 'Changed text' },
  },
  'canned_responses.destroy': { params: (a) => cannedResponseOf(a) },
  'api.campaigns.update': {
    params: (a) => campaignOf(a, 'draft'),
    body: { name: 'Renamed campaign', audience: {}, script: { initial: [{ body: 'Hi' }] } },
  },
  'api.campaigns.launch': { params: (a) => campaignOf(a, 'draft') },
  'api.campaigns.pause': { params: (a) => campaignOf(a, 'active') },
  'api.campaigns.resume': { params: (a) => campaignOf(a, 'paused') },
  'api.campaigns.complete': { params: (a) => campaignOf(a, 'active') },
  'api.campaigns.archive': { params: (a) => campaignOf(a, 'draft') },
  'api.campaigns.copy': { params: (a) => campaignOf(a, 'draft') },
  'campaigns.report': { params: (a) => campaignOf(a, 'active') },
  'api.campaigns.stats': { params: (a) => campaignOf(a, 'active') },
  'exports.store': { params: (a) => campaignOf(a, 'active'), body: { kind: 'contacts' } },
  'api.exports.store': { params: (a) => campaignOf(a, 'active'), body: { kind: 'contacts' } },
  'exports.download': { params: (a) => exportOf(a) },
  'api.exports.show': { params: (a) => exportOf(a) },
  'api.exports.download': { params: (a) => exportOf(a) },
  'texting.show': { params: (a) => campaignOf(a, 'active') },
  'texting.next': { params: (a) => campaignOf(a, 'active') },
  'texting.claim': { params: (a) => campaignOf(a, 'active') },
  'texting.send': {
    params: (a) => heldContactOf(a),
    body: ({ campaignContactId }) => ({ campaignContactId, idempotencyKey: 'isolation' }),
  },
  'texting.skip': {
    params: (a) => heldContactOf(a),
    body: ({ campaignContactId }) => ({ campaignContactId }),
  },
  'texting.opt_out': {
    params: (a) => heldContactOf(a),
    body: ({ campaignContactId }) => ({ campaignContactId }),
  },
  'texting.release': { params: (a) => campaignOf(a, 'active') },
  'campaign_texters.index': { params: (a) => campaignOf(a, 'active') },
  'campaign_texters.assign': {
    params: (a) => campaignOf(a, 'active'),
    body: { action: 'unassign', repliesOlderThanHours: 1 },
  },
  'campaign_texters.reply_handlers': {
    params: (a) => campaignOf(a, 'active'),
    body: { routeRepliesToHandlers: false },
  },
  'campaign_reviews.index': { params: (a) => campaignOf(a, 'active') },
  'api.assignments.index': { params: (a) => campaignOf(a, 'active') },
  'api.assignments.store': {
    params: (a) => campaignOf(a, 'active'),
    body: { action: 'unassign', repliesOlderThanHours: 1 },
  },
  'api.campaign_conversations.index': { params: (a) => campaignOf(a, 'active') },
  'conversations.show': { params: (a) => conversationOf(a) },
  'conversations.reply': {
    params: (a) => conversationOf(a),
    body: { body: 'Thanks!', idempotencyKey: 'isolation-reply' },
  },
  'conversations.answer': {
    params: (a) => conversationOf(a),
    body: ({ questionStepId, answerStepId }) => ({ questionStepId, answerStepId }),
  },
  'conversations.opt_out': { params: (a) => conversationOf(a), body: { confirm: true } },
  'conversations.close': { params: (a) => conversationOf(a) },
  'conversations.tag': {
    params: (a) => conversationOf(a),
    body: ({ tagId }) => ({ tagId }),
  },
  'conversations.untag': { params: (a) => conversationOf(a) },
  'tags.escalation': {
    params: (a) =>
      createTag(a.organization.id, `tag ${a.marker} ${++made}`).then(({ id }) => ({ id })),
    body: { escalates: true },
  },
  'auto_answers.update': {
    params: (a) => autoAnswerOf(a),
    body: { keywords: { 0: 'changed' }, answer: 'Changed answer' },
  },
  'auto_answers.destroy': { params: (a) => autoAnswerOf(a) },
  'api.auto_answers.update': {
    params: (a) => autoAnswerOf(a),
    body: { keywords: ['changed'], answer: 'Changed answer' },
  },
  'api.auto_answers.destroy': { params: (a) => autoAnswerOf(a) },
  'api.webhook_endpoints.show': { params: (a) => webhookEndpointOf(a) },
  'api.webhook_endpoints.update': {
    params: (a) => webhookEndpointOf(a),
    body: { enabled: false },
  },
  'api.webhook_endpoints.destroy': { params: (a) => webhookEndpointOf(a) },
  'api.webhook_endpoints.test': { params: (a) => webhookEndpointOf(a) },
  'api.webhook_deliveries.index': { params: (a) => webhookEndpointOf(a) },
  'api.webhook_deliveries.resend': { params: (a) => webhookDeliveryOf(a) },
  'webhook_endpoints.edit': { params: (a) => webhookEndpointOf(a) },
  'webhook_endpoints.update': {
    params: (a) => webhookEndpointOf(a),
    // Sent form-encoded: an index-keyed object reads back as the array.
    body: { events: { 0: 'message.received' } },
  },
  'webhook_endpoints.destroy': { params: (a) => webhookEndpointOf(a) },
  'webhook_endpoints.test': { params: (a) => webhookEndpointOf(a) },
  'webhook_deliveries.resend': { params: (a) => webhookDeliveryOf(a) },
  'integrations.edit': { params: (a) => integrationAccountOf(a) },
  'integrations.update': { params: (a) => integrationAccountOf(a), body: { name: 'Changed' } },
  'integrations.test': { params: (a) => integrationAccountOf(a) },
  'integrations.import': { params: (a) => integrationAccountOf(a) },
  'integrations.retry': { params: (a) => failedSyncItemOf(a) },
  'integrations.mapping': { params: (a) => integrationMappingOf(a) },
  'integrations.mapping.update': { params: (a) => integrationMappingOf(a), body: {} },
  'tendlc_registrations.show': { params: (a) => tendlcAccountOf(a) },
  'tendlc_registrations.brand': {
    params: (a) => tendlcAccountOf(a),
    body: {
      legalName: 'Friends of the Park',
      entityType: 'non_profit',
      ein: '12-3456789',
      street: '1 Main St',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
      country: 'US',
      website: 'https://park.example.org',
      email: 'team@park.example.org',
      phone: '+12175550100',
      vertical: 'NGO',
    },
  },
  'tendlc_registrations.campaign': {
    params: (a) => tendlcAccountOf(a, { approvedBrand: true }),
    body: {
      useCase: 'MIXED',
      description: 'Volunteers text supporters about park clean-ups and meetings.',
      messageFlow: 'People sign up on our website form and tick a box agreeing to texts.',
      samples: 'Hi, this is Sam with Friends of the Park. Reply STOP to opt out',
      optInKeywords: 'START',
      optOutKeywords: 'STOP',
      helpKeywords: 'HELP',
      optInMessage: 'Welcome back.',
      optOutMessage: 'You are unsubscribed.',
      helpMessage: 'Reply STOP to stop.',
      monthlyVolume: 1000,
    },
  },
  'tendlc_registrations.refresh': { params: (a) => tendlcAccountOf(a) },
}

/** An organization-wide keyword rule of A, answering with A's marker. */
function autoAnswerOf(a: OrgA) {
  return createRule(a.organization.id, {
    keywords: [`kw${++made}`],
    answer: `Thanks from ${a.marker}`,
  }).then(({ id }) => ({ id }))
}

/** An endpoint of A's of its own (routes may change or delete it). */
async function webhookEndpointOf(a: OrgA) {
  const endpoint = await WebhookEndpoint.create({
    organizationId: a.organization.id,
    url: `https://example.org/hooks/${a.marker}`,
    events: ['message.received'],
    enabled: true,
    secret: generateSecret(),
  })
  return { id: endpoint.id }
}

/** A delivery of a test event to an endpoint of A's. */
async function webhookDeliveryOf(a: OrgA) {
  const { id } = await webhookEndpointOf(a)
  await db.transaction((trx) =>
    recordEvent(
      trx,
      { organizationId: a.organization.id, type: TEST_EVENT_TYPE, data: { note: a.marker } },
      id
    )
  )
  const delivery = await db.from('webhook_deliveries').where('endpoint_id', id).firstOrFail()
  return { id, deliveryId: delivery.id }
}

/**
 * A campaign of A named with A's marker, launchable (one contact on a list,
 * a fake-carrier account), in `status`.
 */
async function campaignOf(a: OrgA, status: 'draft' | 'active' | 'paused') {
  const list = await createList(a.organization.id, `Audience ${a.marker} ${++made}`)
  await createContact(a.organization.id, { lists: [list] })
  const campaign = await createDraft(a.owner, {
    name: `Campaign ${a.marker}`,
    audience: { listIds: [list.id] },
  })
  if (status !== 'draft') await LaunchCampaign.handle({ actor: a.owner, campaign })
  if (status === 'paused') {
    await ChangeCampaignStatus.handle({ actor: a.owner, campaign, change: 'pause' })
  }
  return { id: campaign.id }
}

/** A finished export of one of A's campaigns, its file holding A's marker. */
async function exportOf(a: OrgA) {
  const { id } = await campaignOf(a, 'active')
  const campaign = await Campaign.findOrFail(id)
  const record = await completedExport(campaign, a.owner, `"marker"\r\n"${a.marker}"\r\n`)
  return { id: record.id }
}

/**
 * A launched campaign of A (`id`) and its one contact (`campaignContactId`),
 * inside texting hours now and held by A's owner, ready to be texted.
 */
async function heldContactOf(a: OrgA) {
  const { campaign } = await launchedCampaign(a.owner, { contacts: 1 })
  const [held] = await campaignContacts(campaign)
  held.merge({ assignedUserId: a.owner.userId, assignedAt: DateTime.now() })
  await held.save()
  return { id: campaign.id, campaignContactId: held.id }
}

/**
 * A conversation of A (`id`) held by A's owner, inside texting hours, in a
 * campaign with a survey (its first question and answer), and a tag of A.
 */
async function conversationOf(a: OrgA) {
  const campaign = await createActiveCampaign(a.owner, {
    name: `Campaign ${a.marker}`,
    script: { initial: [{ body: GOOD_MESSAGE }], steps: SURVEY },
  })
  const contact = await createContact(a.organization.id, {
    firstName: a.marker,
    timezone: zoneAt(12),
  })
  const { conversation } = await createConversation(a.owner, { campaign, contact })
  const question = await InteractionStep.query()
    .where('campaign_id', campaign.id)
    .whereNull('parent_id')
    .firstOrFail()
  const answer = await InteractionStep.query().where('parent_id', question.id).firstOrFail()
  const tag = await createTag(a.organization.id, `tag ${a.marker} ${++made}`)
  return {
    id: conversation.id,
    questionStepId: question.id,
    answerStepId: answer.id,
    tagId: tag.id,
  }
}

/** An organization-wide canned response of A, written with A's marker. */
function cannedResponseOf(a: OrgA) {
  return CannedResponse.create({
    organizationId: a.organization.id,
    campaignId: null,
    title: `Reply ${a.marker}`,
    body: `Thanks from ${a.marker}`,
    tags: [],
    position: 0,
  }).then(({ id }) => ({ id }))
}

let crm: Promise<IntegrationAccountConfig> | undefined

/** An integration account of A's of its own, importing a list from a CRM stand-in shared by the run. */
async function integrationAccountOf(a: OrgA) {
  crm ??= actionNetworkStandin().then(({ standin, config }) => (standin.unref(), config))
  const { credentials, settings } = await crm
  const list = await createList(a.organization.id, `From CRM ${a.marker} ${++made}`)
  const account = await IntegrationAccount.create({
    organizationId: a.organization.id,
    plugin: 'actionnetwork',
    name: `CRM ${a.marker}`,
    credentials,
    settings,
    enabled: false,
    eventCursor: 0,
    importKind: 'list',
    importSourceId: 'list-1',
    importListId: list.id,
  })
  return { id: account.id }
}

/** A result of A's that failed to sync, which "Retry" queues again. */
async function failedSyncItemOf(a: OrgA) {
  const { id } = await integrationAccountOf(a)
  const now = sqlTime(new Date())
  const [itemId] = await db.table('integration_sync_items').insert({
    account_id: id,
    event_id: 0,
    kind: 'opt_out',
    payload: JSON.stringify({ kind: 'opt_out', phone: '+12025550100', occurredAt: now }),
    status: 'failed',
    attempts: 8,
    next_attempt_at: now,
    created_at: now,
  })
  return { id, itemId: Number(itemId) }
}

/** An integration account and a campaign of A's, for the campaign mapping pages. */
async function integrationMappingOf(a: OrgA) {
  const { id } = await integrationAccountOf(a)
  const { id: campaignId } = await campaignOf(a, 'draft')
  return { id, campaignId }
}

/** Tells apart the lists and tags fixtures make (their names are unique). */
let made = 0

/** A fake-carrier account of A, named with A's marker. */
async function providerAccountOf(a: OrgA) {
  const account = await createFakeAccount(a.organization.id)
  account.name = `Carrier ${a.marker}`
  await account.save()
  return { id: account.id }
}

/** A text of A parked for review after an interrupted send. */
/** The smallest JPEG-shaped bytes: the routes serve what is stored, they do not decode it. */
const PICTURE = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 0xff, 0xd9,
])

/** A picture in A's media library, with its file. */
async function mediaItemOf(a: OrgA) {
  // Each fixture its own files: deleting one picture must not take another's.
  const key = `library/${a.marker}-${randomUUID()}`
  await drive.use().put(`${key}.jpg`, PICTURE)
  const item = await MediaItem.create({
    organizationId: a.organization.id,
    uploadedById: a.owner.userId,
    name: `flyer-${a.marker}.png`,
    storageKey: `${key}.jpg`,
    contentType: 'image/jpeg',
    bytes: 1000,
    width: 10,
    height: 10,
    originalKey: `${key}.png`,
    originalContentType: 'image/png',
    originalBytes: 2000,
  })
  return { id: item.id }
}

/** A text of A's carrying one picture. */
async function pictureMessageOf(a: OrgA) {
  const { id } = await parkedMessageOf(a)
  await drive.use().put(`inbound/${a.marker}.jpg`, PICTURE)
  await MessageMedia.create({
    organizationId: a.organization.id,
    messageId: id,
    position: 0,
    storageKey: `inbound/${a.marker}.jpg`,
    contentType: 'image/jpeg',
    bytes: 1000,
    status: 'ready',
  })
  return { id, position: 0 }
}

async function parkedMessageOf(a: OrgA) {
  const { id: providerAccountId } = await providerAccountOf(a)
  const message = await Message.create({
    organizationId: a.organization.id,
    providerAccountId,
    direction: 'outbound',
    body: `Hello from ${a.marker}`,
    from: SENDER,
    to: '+12025550123',
    segments: 1,
    encoding: 'GSM-7',
    status: 'review',
    attempts: 1,
  })
  return { id: message.id }
}

/** A contact of A, named with A's marker. */
function contactOf(a: OrgA) {
  return createContact(a.organization.id, { firstName: a.marker }).then(({ id }) => ({ id }))
}

/** A saved segment of A (everyone whose first name is A's marker). */
function segmentOf(a: OrgA) {
  return Segment.create({
    organizationId: a.organization.id,
    name: `Segment ${a.marker}`,
    definition: { all: [{ field: 'firstName', op: 'eq', value: a.marker }] },
  }).then(({ id }) => ({ id }))
}

/**
 * Routes the walker does not call, each with the reason: routes for people
 * outside the organization, or authenticated by something other than a
 * member's session or API token (a provider's signature, a link's token).
 */
export const exemptRoutes: Record<string, string> = {
  'health.show': 'public health check; reads no organization data',
  'metrics.show':
    'instance-wide counts for the operator, behind METRICS_TOKEN; no organization data (ops/metrics.spec.ts)',
  'setup.create': 'first-run setup; refused once any user exists (auth/setup.spec.ts)',
  'setup.store': 'first-run setup; refused once any user exists (auth/setup.spec.ts)',
  'session.create': 'the sign-in form, for visitors',
  'session.store': 'signing in; rate limited per email and IP (auth/session.spec.ts)',
  'password_resets.create': 'password reset belongs to a user, not an organization',
  'password_resets.store': 'password reset belongs to a user, not an organization',
  'password_resets.edit': 'the reset token is the credential (auth/password_reset.spec.ts)',
  'password_resets.update': 'the reset token is the credential (auth/password_reset.spec.ts)',
  'join.show':
    'an invite link is meant for whoever holds it: it names the organization (invites/join.spec.ts)',
  'join.store':
    'an invite link is meant for whoever holds it: it lets them join (invites/join.spec.ts)',
  'join.confirm':
    'the emailed code is the credential, encrypted with the app key (invites/join.spec.ts)',
  'api.not_found': 'catch-all answering 404 for unknown API paths',
  'sent_media.show':
    'providers fetch a sent picture by its signed, expiring link, which is the credential and names one picture (media/sending.spec.ts)',
  'fake_carrier.media.show':
    'the fake carrier’s picture links are signed and expiring, fetched by the webhook path like a provider’s (media/fake_carrier.spec.ts)',
  'links.show':
    'a tracked link in a text is meant for whoever holds it: it answers only its stored target (links/tracked_links.spec.ts)',
  'webhooks.store':
    'providers call it, authenticated by their signature, not a member (messaging/webhooks.spec.ts)',
  'fake_carrier.account':
    'the fake carrier’s API, authenticated by the account’s signing secret (fake_carrier/carrier.spec.ts)',
  'fake_carrier.messages.store':
    'the fake carrier’s API, authenticated by the account’s signing secret (fake_carrier/carrier.spec.ts)',
  'fake_carrier.messages.show':
    'the fake carrier’s API, authenticated by the account’s signing secret (fake_carrier/carrier.spec.ts)',
  'fake_carrier.messages.index':
    'the fake carrier’s API, authenticated by the account’s signing secret (fake_carrier/carrier.spec.ts)',
  'transmit.events':
    'opens the caller’s own event stream; channel access is checked on subscribe (isolation/realtime.spec.ts)',
  'transmit.subscribe':
    'channel access is decided by transmit.authorize in start/transmit.ts (isolation/realtime.spec.ts)',
  'transmit.unsubscribe': 'only leaves a channel of the caller’s own stream',
  'email_unsubscribes.show':
    'the link’s signature (APP_KEY) is the credential; it names one person’s email choice, no organization data (notifications/choices.spec.ts)',
  'email_unsubscribes.store':
    'the link’s signature (APP_KEY) is the credential; it turns off one person’s email kind (notifications/choices.spec.ts)',
  'account_sessions.destroy':
    'a person’s own browser, looked up among their own sessions (listable only in the database or Redis store); anyone else’s is a 404 (auth/two_factor.spec.ts)',
}

/**
 * A Twilio account of A (a plugin that registers 10DLC senders) talking to
 * a local stand-in of Twilio; with an approved brand for the campaign form.
 */
async function tendlcAccountOf(a: OrgA, options: { approvedBrand?: boolean } = {}) {
  const standIn = await sharedTwilioStandIn()
  const account = await createTwilioAccount(a.organization.id, standIn.url)
  if (options.approvedBrand) {
    await TendlcRegistration.create({
      organizationId: a.organization.id,
      providerAccountId: account.id,
      kind: 'brand',
      details: { legalName: a.marker },
      status: 'approved',
      statusReason: null,
      providerRef: BRAND_SID,
    })
  }
  return { id: account.id }
}
