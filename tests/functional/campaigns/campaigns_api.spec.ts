import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Campaign from '#models/campaign'
import CampaignContact from '#models/campaign_contact'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { createContact, createList } from '#tests/helpers/contacts'
import { createFakeAccount, SENDER } from '#tests/helpers/messaging'
import { createDraft, GOOD_MESSAGE } from '#tests/helpers/campaigns'
import Segment from '#models/segment'

const survey = [
  {
    question: 'Will you vote?',
    answers: [
      {
        answer: 'Yes',
        script: 'Great! Do you know where?',
        next: {
          question: 'Knows polling place?',
          answers: [
            { answer: 'Yes', script: 'Perfect.', next: null },
            { answer: 'No', script: 'Look it up at vote.example', next: null },
          ],
        },
      },
      { answer: 'No', script: 'Thanks for your time.', next: null },
    ],
  },
]

test.group('Campaigns | API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates a draft and reads it back as created', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const org = admin.organizationId
    const token = await apiTokenFor(admin)
    const account = await createFakeAccount(org, { numbers: [SENDER, '+12025550198'] })
    const list = await createList(org, 'Canvass')
    const segment = await Segment.create({
      organizationId: org,
      name: 'Michigan',
      definition: { all: [{ field: 'state', op: 'eq', value: 'MI' }] },
    })
    const body = {
      name: 'GOTV',
      purpose: 'Turnout',
      providerAccountId: account.id,
      senderNumbers: [SENDER],
      audience: {
        listIds: [list.id],
        segmentId: segment.id,
        excludeListIds: [],
        excludeRecentDays: 7,
      },
      script: {
        initial: [
          { body: GOOD_MESSAGE, weight: 3 },
          { body: 'Hey {firstName}! {orgName} here. Reply STOP to opt out', weight: 1 },
        ],
        steps: survey,
        cannedResponses: [
          { title: 'Wrong number', body: 'Sorry! We will fix it.', tags: ['data'] },
        ],
      },
      textingHours: { start: '10:00', end: '19:00' },
      batchSize: 50,
      maxContactsPerTexter: 500,
      allowInitialEdit: true,
    }

    const created = await client.post('/api/v1/campaigns').bearerToken(token).json(body)
    created.assertStatus(201)
    assertMatchesApiDoc(created)
    assert.equal(created.body().status, 'draft')

    const shown = await client.get(`/api/v1/campaigns/${created.body().id}`).bearerToken(token)
    shown.assertStatus(200)
    assertMatchesApiDoc(shown)
    assert.containSubset(shown.body(), { ...body, id: created.body().id, status: 'draft' })
    assert.deepEqual(shown.body().script, { ...body.script, followUps: [] })
    assert.deepEqual(shown.body().progress, {
      targeted: 0,
      toSend: 0,
      sent: 0,
      repliesWaiting: 0,
      optedOut: 0,
      failed: 0,
    })

    const listed = await client.get('/api/v1/campaigns').bearerToken(token)
    listed.assertStatus(200)
    assertMatchesApiDoc(listed)
    assert.deepEqual(
      listed.body().data.map((campaign: { name: string }) => campaign.name),
      ['GOTV']
    )
  })

  test('refuses accounts, numbers, lists and segments that are not the organization’s', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const other = await createMember('owner')
    const token = await apiTokenFor(admin)
    const mine = await createFakeAccount(admin.organizationId)
    const theirs = await createFakeAccount(other.organizationId, { numbers: ['+12025550177'] })
    const theirList = await createList(other.organizationId, 'Theirs')
    const theirSegment = await Segment.create({
      organizationId: other.organizationId,
      name: 'Theirs',
      definition: { all: [] },
    })
    const script = { initial: [{ body: GOOD_MESSAGE }] }
    const post = (body: Record<string, unknown>) =>
      client
        .post('/api/v1/campaigns')
        .bearerToken(token)
        .json({ name: 'X', audience: {}, script, ...body })

    const cases: [Record<string, unknown>, string][] = [
      [{ providerAccountId: theirs.id }, 'providerAccountId'],
      [{ providerAccountId: mine.id, senderNumbers: ['+12025550177'] }, 'senderNumbers.0'],
      [{ senderNumbers: [SENDER] }, 'providerAccountId'],
      [{ audience: { listIds: [theirList.id] } }, 'audience.listIds.0'],
      [{ audience: { excludeListIds: [theirList.id] } }, 'audience.excludeListIds.0'],
      [{ audience: { segmentId: theirSegment.id } }, 'audience.segmentId'],
      [{ script: { initial: [] } }, 'script.initial'],
      [{ script: { initial: [{ body: 'Hi', weight: 0 }] } }, 'script.initial.0.weight'],
      [
        { script: { initial: [{ body: 'Hi' }], steps: [{ question: '', answers: [] }] } },
        'script.steps.0.question',
      ],
      [
        {
          script: {
            initial: [{ body: 'Hi' }],
            steps: [
              {
                question: 'Q',
                answers: [{ answer: 'A', next: { question: 'Q2', answers: [{}] } }],
              },
            ],
          },
        },
        'script.steps.0.answers.0.next.answers.0.answer',
      ],
      [{ textingHours: { start: '9am', end: '20:00' } }, 'textingHours.start'],
      [{ textingHours: { start: '20:00', end: '09:00' } }, 'textingHours'],
    ]
    for (const [body, field] of cases) {
      const response = await post(body)
      response.assertStatus(422)
      assertMatchesApiDoc(response)
      assert.include(
        response.body().errors.map((error: { field: string }) => error.field),
        field,
        JSON.stringify(body)
      )
    }
    assert.lengthOf(await Campaign.query().where('organization_id', admin.organizationId), 0)
  })

  test('texters and supervisors may not create or launch; texters may not look', async ({
    client,
  }) => {
    const owner = await createMember('owner')
    const organization = owner.organization
    const campaign = await createDraft(owner, { audience: {} })
    const body = { name: 'X', audience: {}, script: { initial: [{ body: 'Hi' }] } }

    for (const role of ['texter', 'supervisor'] as const) {
      const token = await apiTokenFor(await createMember(role, { organization }))
      const created = await client.post('/api/v1/campaigns').bearerToken(token).json(body)
      created.assertStatus(403)
      assertMatchesApiDoc(created)
      for (const action of ['launch', 'pause', 'resume', 'copy']) {
        const response = await client
          .post(`/api/v1/campaigns/${campaign.id}/${action}`)
          .bearerToken(token)
        response.assertStatus(403)
        assertMatchesApiDoc(response)
      }
      const shown = await client.get(`/api/v1/campaigns/${campaign.id}`).bearerToken(token)
      shown.assertStatus(role === 'texter' ? 403 : 200)
      assertMatchesApiDoc(shown)
    }
  })

  test('another organization’s campaign is not found', async ({ client }) => {
    const owner = await createMember('owner')
    const campaign = await createDraft(owner, { audience: {} })
    const stranger = await apiTokenFor(await createMember('owner'))
    for (const path of ['', '/launch', '/pause', '/resume', '/complete', '/archive', '/copy']) {
      const response = await (
        path
          ? client.post(`/api/v1/campaigns/${campaign.id}${path}`)
          : client.get(`/api/v1/campaigns/${campaign.id}`)
      ).bearerToken(stranger)
      response.assertStatus(404)
      assertMatchesApiDoc(response)
    }
  })

  test('launch lists every blocker and changes nothing', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const org = owner.organizationId
    const token = await apiTokenFor(owner)
    const list = await createList(org, 'Empty so far')
    const noAccount = await createDraft(owner, {
      providerAccountId: null,
      audience: { listIds: [list.id] },
    })

    const refused = await client.post(`/api/v1/campaigns/${noAccount.id}/launch`).bearerToken(token)
    refused.assertStatus(422)
    assertMatchesApiDoc(refused)
    assert.sameMembers(
      refused.body().errors.map((error: { rule: string }) => error.rule),
      ['no_provider_account', 'empty_audience']
    )

    const stopped = await createFakeAccount(org, { numbers: [] })
    stopped.merge({ status: 'disabled', statusReason: 'credentials rejected' })
    await stopped.save()
    await createContact(org, { lists: [list] })
    const disabled = await createDraft(owner, {
      providerAccountId: stopped.id,
      audience: { listIds: [list.id] },
      script: { initial: [{ body: 'Hi {firstName}, your {Precinct} is open' }] },
    })
    const second = await client.post(`/api/v1/campaigns/${disabled.id}/launch`).bearerToken(token)
    second.assertStatus(422)
    assert.sameMembers(
      second.body().errors.map((error: { rule: string }) => error.rule),
      ['provider_account_disabled', 'missing_merge_field', 'missing_merge_field']
    )
    assert.include(second.body().errors[0].message, 'credentials rejected')

    stopped.merge({ status: 'active', statusReason: null })
    await stopped.save()
    const third = await client.post(`/api/v1/campaigns/${disabled.id}/launch`).bearerToken(token)
    assert.includeMembers(
      third.body().errors.map((error: { rule: string }) => error.rule),
      ['no_sender_numbers']
    )
    assert.lengthOf(await CampaignContact.query().where('organization_id', org), 0)
    await noAccount.refresh()
    assert.equal(noAccount.status, 'draft')
  })

  test('launches, warns, pauses, resumes, completes, archives and copies', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const org = owner.organizationId
    const token = await apiTokenFor(owner)
    const list = await createList(org, 'Canvass')
    await createContact(org, { firstName: 'Ann', lists: [list] })
    await createContact(org, { firstName: 'Bob', lists: [list] })
    const campaign = await createDraft(owner, {
      audience: { listIds: [list.id] },
      script: {
        initial: [{ body: 'Hi {firstName}, see https://bit.ly/x' }],
        steps: survey,
        cannedResponses: [{ title: 'Thanks', body: 'Thank you!' }],
      },
    })
    const post = (action: string) =>
      client.post(`/api/v1/campaigns/${campaign.id}/${action}`).bearerToken(token)

    const launched = await post('launch')
    launched.assertStatus(200)
    assertMatchesApiDoc(launched)
    assert.containSubset(launched.body(), { id: campaign.id, status: 'active', targeted: 2 })
    assert.sameMembers(
      launched.body().warnings.map((warning: { rule: string }) => warning.rule),
      ['missing_opt_out', 'missing_org_name', 'link', 'url_shortener']
    )

    const edited = await client
      .put(`/api/v1/campaigns/${campaign.id}`)
      .bearerToken(token)
      .json({ name: 'Changed', audience: {}, script: { initial: [{ body: 'Hi' }] } })
    edited.assertStatus(409)
    assertMatchesApiDoc(edited)

    for (const [action, status] of [
      ['pause', 'paused'],
      ['pause', 'paused'],
      ['resume', 'active'],
      ['complete', 'completed'],
      ['archive', 'archived'],
    ]) {
      const response = await post(action)
      response.assertStatus(200)
      assertMatchesApiDoc(response)
      assert.deepEqual(response.body(), { id: campaign.id, status })
    }
    const refused = await post('resume')
    refused.assertStatus(422)
    assertMatchesApiDoc(refused)
    assert.equal(refused.body().errors[0].rule, 'status')
    const relaunch = await post('launch')
    relaunch.assertStatus(422)
    assert.equal(relaunch.body().errors[0].rule, 'status')

    const copied = await post('copy')
    copied.assertStatus(201)
    assertMatchesApiDoc(copied)
    const copy = await client.get(`/api/v1/campaigns/${copied.body().id}`).bearerToken(token)
    const original = await client.get(`/api/v1/campaigns/${campaign.id}`).bearerToken(token)
    assert.equal(copy.body().name, 'Get out the vote (copy)')
    assert.equal(copy.body().status, 'draft')
    assert.equal(copy.body().copiedFromId, campaign.id)
    assert.deepEqual(copy.body().script, original.body().script)
    assert.deepEqual(copy.body().audience, original.body().audience)
    assert.equal(copy.body().progress.targeted, 0)
    assert.equal(original.body().progress.targeted, 2)
  })
})

test.group('Campaigns | organization-wide canned responses', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('admins add and delete them; supervisors read them; campaigns keep their own', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const organization = admin.organization
    const token = await apiTokenFor(admin)
    const supervisor = await apiTokenFor(await createMember('supervisor', { organization }))
    await createDraft(admin, {
      audience: {},
      script: {
        initial: [{ body: GOOD_MESSAGE }],
        cannedResponses: [{ title: 'Campaign only', body: 'Not org-wide' }],
      },
    })

    const created = await client
      .post('/api/v1/canned-responses')
      .bearerToken(token)
      .json({ title: 'Wrong number', body: 'Sorry, we will fix our list.', tags: ['data'] })
    created.assertStatus(201)
    assertMatchesApiDoc(created)

    const refused = await client
      .post('/api/v1/canned-responses')
      .bearerToken(supervisor)
      .json({ title: 'X', body: 'Y' })
    refused.assertStatus(403)
    const invalid = await client.post('/api/v1/canned-responses').bearerToken(token).json({})
    invalid.assertStatus(422)
    assertMatchesApiDoc(invalid)

    const listed = await client.get('/api/v1/canned-responses').bearerToken(supervisor)
    listed.assertStatus(200)
    assertMatchesApiDoc(listed)
    assert.deepEqual(listed.body().data, [
      {
        id: created.body().id,
        title: 'Wrong number',
        body: 'Sorry, we will fix our list.',
        tags: ['data'],
      },
    ])

    const stranger = await apiTokenFor(await createMember('owner'))
    const hidden = await client
      .delete(`/api/v1/canned-responses/${created.body().id}`)
      .bearerToken(stranger)
    hidden.assertStatus(404)
    const deleted = await client
      .delete(`/api/v1/canned-responses/${created.body().id}`)
      .bearerToken(token)
    deleted.assertStatus(204)
    assertMatchesApiDoc(deleted)
    const after = await client.get('/api/v1/canned-responses').bearerToken(token)
    assert.deepEqual(after.body().data, [])
  })
})
