import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import MessageMedia from '#models/message_media'
import Message from '#models/message'
import Organization from '#models/organization'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { GOOD_MESSAGE, createDraft } from '#tests/helpers/campaigns'
import { createConversation } from '#tests/helpers/conversations'
import { asMember, fieldErrors } from '#tests/helpers/web'
import { libraryPicture } from '#tests/helpers/media'
import { launchReadiness } from '#services/campaigns/readiness'
import sms from '#services/sms'

/** Runs `check` while the fake carrier's plugin says it cannot send MMS. */
async function withoutMms(check: () => Promise<void>) {
  const plugin = await sms.plugin('fake')
  const { capabilities } = plugin.manifest
  capabilities.mms = false
  try {
    await check()
  } finally {
    capabilities.mms = true
  }
}

test.group('Media | pictures on texts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('variants, follow-ups and canned responses carry mediaIds in the campaigns API', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const flyer = await libraryPicture(admin, 'flyer.png')
    const thanks = await libraryPicture(admin, 'thanks.png')
    const script = {
      initial: [
        { body: GOOD_MESSAGE, weight: 1, mediaIds: [flyer.id, thanks.id] },
        { body: `${GOOD_MESSAGE}!`, weight: 1 },
      ],
      followUps: [
        { afterHours: 24, variants: [{ body: 'Still coming?', weight: 1, mediaIds: [flyer.id] }] },
      ],
      cannedResponses: [{ title: 'Thanks', body: 'Thank you!', tags: [], mediaIds: [thanks.id] }],
    }

    const created = await client
      .post('/api/v1/campaigns')
      .bearerToken(token)
      .json({ name: 'Rally', audience: {}, script })
    created.assertStatus(201)
    assertMatchesApiDoc(created)

    const shown = await client.get(`/api/v1/campaigns/${created.body().id}`).bearerToken(token)
    assertMatchesApiDoc(shown)
    const got = shown.body().script
    assert.deepEqual(got.initial, script.initial)
    assert.deepEqual(got.followUps[0].variants, script.followUps[0].variants)
    assert.deepEqual(got.cannedResponses, script.cannedResponses)

    const canned = await client
      .post('/api/v1/canned-responses')
      .bearerToken(token)
      .json({ title: 'Flyer', body: 'Here it is', mediaIds: [flyer.id] })
    canned.assertStatus(201)
    assertMatchesApiDoc(canned)
    assert.deepEqual(canned.body().mediaIds, [flyer.id])
  })

  test("another organization's picture is refused where it is named", async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const token = await apiTokenFor(admin)
    const theirs = await libraryPicture(await createMember('owner'))
    const ours = await libraryPicture(admin)

    const response = await client
      .post('/api/v1/campaigns')
      .bearerToken(token)
      .json({
        name: 'Rally',
        audience: {},
        script: { initial: [{ body: GOOD_MESSAGE, mediaIds: [ours.id, theirs.id] }] },
      })
    response.assertStatus(422)
    assertMatchesApiDoc(response)
    assert.deepEqual(
      response.body().errors.map((error: { field: string }) => error.field),
      ['script.initial.0.mediaIds.1']
    )

    const canned = await client
      .post('/api/v1/canned-responses')
      .bearerToken(token)
      .json({ title: 'X', body: 'Y', mediaIds: [theirs.id] })
    canned.assertStatus(422)
  })

  test('a reply carries its pictures in order, once however often Send is pressed', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const admin = await createMember('admin', { organization: texter.organization })
    const flyer = await libraryPicture(admin, 'flyer.png')
    const thanks = await libraryPicture(admin, 'thanks.png')
    const { conversation } = await createConversation(texter, { status: 'needs_response' })
    const press = {
      body: 'Here you go',
      idempotencyKey: 'press-mms-1',
      mediaIds: [thanks.id, flyer.id],
    }

    for (let i = 0; i < 2; i++) {
      const response = await asMember(
        client.post(urlFor('conversations.reply', { id: conversation.id })),
        texter
      ).json(press)
      response.assertStatus(302)
    }

    const reply = await Message.query()
      .where('campaign_contact_id', conversation.id)
      .where('idempotency_key', `reply:${conversation.id}:press-mms-1`)
      .firstOrFail()
    const pictures = await MessageMedia.query().where('message_id', reply.id).orderBy('position')
    assert.deepEqual(
      pictures.map((picture) => [picture.mediaItemId, picture.contentType, picture.status]),
      [
        [thanks.id, 'image/png', 'ready'],
        [flyer.id, 'image/png', 'ready'],
      ]
    )
  })

  test('a reply with a picture another organization owns is refused', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const theirs = await libraryPicture(await createMember('owner'))
    const { conversation } = await createConversation(texter, { status: 'needs_response' })

    const response = await asMember(
      client.post(urlFor('conversations.reply', { id: conversation.id })),
      texter
    ).json({ body: 'Hi', idempotencyKey: 'press-mms-2', mediaIds: [theirs.id] })

    response.assertStatus(302)
    assert.deepEqual(Object.keys(fieldErrors(response)), ['mediaIds.0'])
    assert.lengthOf(await MessageMedia.query().where('organization_id', texter.organizationId), 0)
  })

  test('launch is refused when the account cannot send the first text’s pictures', async ({
    assert,
  }) => {
    const admin = await createMember('admin')
    const flyer = await libraryPicture(admin)
    const organization = await Organization.findOrFail(admin.organizationId)
    const withPicture = await createDraft(admin, {
      audience: {},
      script: { initial: [{ body: GOOD_MESSAGE, mediaIds: [flyer.id] }] },
    })
    const cannedOnly = await createDraft(admin, {
      audience: {},
      script: {
        initial: [{ body: GOOD_MESSAGE }],
        cannedResponses: [{ title: 'Flyer', body: 'Here', mediaIds: [flyer.id] }],
      },
    })

    const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code)
    const capable = await launchReadiness(withPicture, organization, [])
    assert.notInclude(codes(capable.blockers), 'mms_unsupported')

    await withoutMms(async () => {
      const refused = await launchReadiness(withPicture, organization, [])
      assert.include(codes(refused.blockers), 'mms_unsupported')
      const warned = await launchReadiness(cannedOnly, organization, [])
      assert.notInclude(codes(warned.blockers), 'mms_unsupported')
      assert.include(codes(warned.warnings), 'mms_unsupported_replies')
    })
  })
})
