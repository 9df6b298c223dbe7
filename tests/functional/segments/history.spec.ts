import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import testUtils from '@adonisjs/core/services/test_utils'
import Campaign from '#models/campaign'
import Segment from '#models/segment'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { asMember } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { clock } from '#services/clock'
import { audienceContacts, audienceOf, countAudience } from '#services/campaigns/audience'
import { countSegment, segmentContacts } from '#services/segments/audience'
import type { SegmentGroup } from '#services/segments/definition'
import { validateDefinition } from '#services/segments/validate_definition'
import { type HistoryWorld, buildHistoryWorld } from '#tests/helpers/campaign_history'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { createConversation } from '#tests/helpers/conversations'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'

/**
 * Campaign history conditions against one small world (see
 * `buildHistoryWorld`): each assertion names exactly the people selected.
 */
const all = (...conditions: unknown[]) => ({ all: conditions }) as SegmentGroup
const any = (...conditions: unknown[]) => ({ any: conditions }) as SegmentGroup
const where = (field: string, op: string, value?: unknown) => ({ field, op, value })

async function names(world: HistoryWorld, definition: SegmentGroup) {
  await validateDefinition(world.org.id, definition)
  const contacts = await segmentContacts(world.org.id, definition)
  return contacts.map((contact) => contact.firstName!).sort()
}

/** Each definition is valid, selects exactly these people, and counts as many. */
async function expectSelections(
  assert: Assert,
  world: HistoryWorld,
  cases: [SegmentGroup, string[]][]
) {
  for (const [definition, expected] of cases) {
    const label = JSON.stringify(definition)
    assert.deepEqual(await names(world, definition), expected, label)
    assert.equal(await countSegment(world.org.id, definition), expected.length, label)
  }
}

const DAY_MS = 24 * 60 * 60 * 1000

test.group('Segments | campaign history conditions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clock.reset())

  test('status in one campaign and in any campaign', async ({ assert }) => {
    const world = await buildHistoryWorld()
    const spring = `campaign.${world.spring.campaign.id}.status`
    const cases: [SegmentGroup, string[]][] = [
      [all(where(spring, 'eq', 'needs_message')), ['Fay']],
      [all(where(spring, 'eq', 'messaged')), ['Ann', 'Bob', 'Cara', 'Dan', 'Eve', 'Gus']],
      [all(where(spring, 'eq', 'replied')), ['Ann', 'Bob', 'Eve', 'Gus']],
      [all(where(spring, 'eq', 'not_replied')), ['Cara', 'Dan']],
      [all(where(spring, 'eq', 'opted_out')), ['Eve']],
      [all(where(spring, 'eq', 'closed')), ['Gus']],
      [all(where(spring, 'in', ['opted_out', 'closed'])), ['Eve', 'Gus']],
      [all(where(spring, 'neq', 'replied')), ['Cara', 'Dan', 'Fay', 'Hal', 'Ivy']],
      [all(where(spring, 'notIn', ['messaged', 'needs_message'])), ['Hal', 'Ivy']],
      [all(where('campaigns.any.status', 'eq', 'needs_message')), ['Ann', 'Fay']],
      [all(where('campaigns.any.status', 'eq', 'not_replied')), ['Bob', 'Cara', 'Dan', 'Hal']],
    ]
    await expectSelections(assert, world, cases)
  })

  test('survey answers by answer id, and whether the question was answered', async ({ assert }) => {
    const world = await buildHistoryWorld()
    const { spring, fall } = world
    const springQuestion = `campaign.${spring.campaign.id}.survey.${spring.question.id}`
    const cases: [SegmentGroup, string[]][] = [
      [all(where(springQuestion, 'eq', spring.yes.id)), ['Ann', 'Gus']],
      [all(where(springQuestion, 'in', [spring.yes.id, spring.no.id])), ['Ann', 'Bob', 'Gus']],
      [
        all(where(springQuestion, 'neq', spring.yes.id)),
        ['Bob', 'Cara', 'Dan', 'Eve', 'Fay', 'Hal', 'Ivy'],
      ],
      [
        all(where(springQuestion, 'notIn', [spring.yes.id, spring.no.id])),
        ['Cara', 'Dan', 'Eve', 'Fay', 'Hal', 'Ivy'],
      ],
      [all(where(springQuestion, 'exists', true)), ['Ann', 'Bob', 'Gus']],
      [all(where(springQuestion, 'exists', false)), ['Cara', 'Dan', 'Eve', 'Fay', 'Hal', 'Ivy']],
      [
        all(where(`campaign.${fall.campaign.id}.survey.${fall.question.id}`, 'eq', fall.yes.id)),
        ['Bob'],
      ],
      [
        all(where(`campaigns.any.survey.${spring.question.id}`, 'eq', spring.yes.id)),
        ['Ann', 'Gus'],
      ],
    ]
    await expectSelections(assert, world, cases)
  })

  test('delivery of the first text, and why it failed', async ({ assert }) => {
    const world = await buildHistoryWorld()
    const spring = `campaign.${world.spring.campaign.id}.delivery`
    const cases: [SegmentGroup, string[]][] = [
      [all(where(spring, 'eq', 'delivered')), ['Ann', 'Bob', 'Cara', 'Eve', 'Gus']],
      [all(where(spring, 'eq', 'failed')), ['Dan']],
      [all(where(spring, 'eq', 'failed.landline')), ['Dan']],
      [all(where(spring, 'eq', 'failed.carrier_filtered')), []],
      [all(where(spring, 'neq', 'delivered')), ['Dan', 'Fay', 'Hal', 'Ivy']],
      [all(where('campaigns.any.delivery', 'eq', 'failed')), ['Dan', 'Hal']],
      [all(where('campaigns.any.delivery', 'in', ['failed.carrier_filtered'])), ['Hal']],
    ]
    await expectSelections(assert, world, cases)
  })

  test('tags on the conversation: the tag, and the campaign', async ({ assert }) => {
    const world = await buildHistoryWorld()
    const { spring, fall, volunteer } = world
    const cases: [SegmentGroup, string[]][] = [
      [all(where('tag', 'eq', volunteer.id)), ['Ann', 'Hal', 'Ivy']],
      [all(where(`campaign.${spring.campaign.id}.tag`, 'eq', volunteer.id)), ['Ann']],
      [all(where(`campaign.${fall.campaign.id}.tag`, 'eq', 'volunteer')), ['Ann', 'Hal']],
      [all(where('campaigns.any.tag', 'exists', true)), ['Ann', 'Hal']],
      [
        all(where(`campaign.${fall.campaign.id}.tag`, 'notIn', [volunteer.id])),
        ['Bob', 'Cara', 'Dan', 'Eve', 'Fay', 'Gus', 'Ivy'],
      ],
    ]
    await expectSelections(assert, world, cases)
  })

  test('texted and replied within days follow the application clock', async ({ assert }) => {
    const world = await buildHistoryWorld()
    const spring = `campaign.${world.spring.campaign.id}`
    const cases: [SegmentGroup, string[]][] = [
      [all(where(`${spring}.texted_within_days`, 'eq', 10)), ['Ann', 'Cara', 'Eve']],
      [all(where(`${spring}.texted_within_days`, 'eq', 30)), ['Ann', 'Cara', 'Dan', 'Eve']],
      [
        all(where(`${spring}.texted_within_days`, 'neq', 10)),
        ['Bob', 'Dan', 'Fay', 'Gus', 'Hal', 'Ivy'],
      ],
      [all(where('campaigns.any.texted_within_days', 'eq', 2)), ['Bob']],
      [all(where(`${spring}.replied_within_days`, 'eq', 7)), ['Ann', 'Eve']],
      [all(where(`${spring}.replied_within_days`, 'eq', 45)), ['Ann', 'Bob', 'Eve']],
      [all(where('campaigns.any.replied_within_days', 'eq', 7)), ['Ann', 'Eve']],
    ]
    await expectSelections(assert, world, cases)

    clock.travel(5.5 * DAY_MS)
    assert.deepEqual(await names(world, all(where(`${spring}.replied_within_days`, 'eq', 7))), [
      'Eve',
    ])
  })

  test('sibling conditions on one campaign read as one row; any campaign as any row', async ({
    assert,
  }) => {
    const world = await buildHistoryWorld()
    const { spring, fall } = world
    const springQuestion = `campaign.${spring.campaign.id}.survey.${spring.question.id}`
    const springStatus = `campaign.${spring.campaign.id}.status`
    const yesNotRecent = all(
      where(springQuestion, 'eq', spring.yes.id),
      where(`campaign.${spring.campaign.id}.replied_within_days`, 'neq', 7)
    )
    const cases: [SegmentGroup, string[]][] = [
      [yesNotRecent, ['Gus']],
      [
        any(
          yesNotRecent,
          where(`campaign.${fall.campaign.id}.survey.${fall.question.id}`, 'exists', true)
        ),
        ['Bob', 'Gus'],
      ],
      [
        all(
          where(springStatus, 'eq', 'replied'),
          where(`campaign.${fall.campaign.id}.status`, 'eq', 'messaged')
        ),
        ['Bob'],
      ],
      [
        any(where(springStatus, 'eq', 'opted_out'), where(springStatus, 'eq', 'closed')),
        ['Eve', 'Gus'],
      ],
      [
        all(where(springStatus, 'neq', 'replied'), where(springStatus, 'neq', 'needs_message')),
        ['Cara', 'Dan', 'Hal', 'Ivy'],
      ],
      // Replied in one campaign, waiting for a text in another: two rows.
      [
        all(
          where('campaigns.any.status', 'eq', 'replied'),
          where('campaigns.any.status', 'eq', 'needs_message')
        ),
        ['Ann'],
      ],
      [
        any(
          where('campaigns.any.status', 'eq', 'opted_out'),
          where('campaigns.any.delivery', 'eq', 'failed')
        ),
        ['Dan', 'Eve', 'Hal'],
      ],
      [all(where('firstName', 'neq', 'gus'), where(springQuestion, 'eq', spring.yes.id)), ['Ann']],
    ]
    await expectSelections(assert, world, cases)
  })

  test("another organization's campaign is refused, and matches nobody", async ({ assert }) => {
    const world = await buildHistoryWorld()
    const { elsewhere } = world
    const theirs = all(where(`campaign.${elsewhere.campaign.id}.status`, 'eq', 'replied'))
    const theirQuestion = all(
      where(`campaigns.any.survey.${elsewhere.question.id}`, 'eq', elsewhere.yes.id)
    )
    for (const definition of [theirs, theirQuestion]) {
      await assert.rejects(() => validateDefinition(world.org.id, definition))
      assert.equal(await countSegment(world.org.id, definition), 0)
    }
  })

  test('second pass: a campaign audience of those who answered Yes counts exactly them', async ({
    assert,
  }) => {
    const world = await buildHistoryWorld()
    const { spring } = world
    const segment = await Segment.create({
      organizationId: world.org.id,
      name: 'Said yes in spring',
      definition: all(
        where(`campaign.${spring.campaign.id}.survey.${spring.question.id}`, 'eq', spring.yes.id)
      ),
    })
    const audience = audienceOf({ segmentId: segment.id })
    assert.equal(await countAudience(world.org.id, audience), 2)
    const { contacts } = await audienceContacts(world.org.id, audience)
    const people = await contacts
    assert.deepEqual(people.map((contact) => contact.firstName).sort(), ['Ann', 'Gus'])
  })
})

test.group('Segments | campaign history as texting leaves it', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a STOP is a reply and an opt-out; silence after the text is not_replied', async ({
    assert,
  }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const account = await createFakeAccount(org)
    const { campaign, contact: stopper } = await createConversation(texter)
    const silent = await createContact(org, { firstName: 'Silent' })
    await createConversation(texter, { campaign, contact: silent })
    await postFakeWebhook(account, fakeInbound(stopper.phone, 'STOP'))

    const selected = async (status: string) => {
      const contacts = await segmentContacts(
        org,
        all(where(`campaign.${campaign.id}.status`, 'eq', status))
      )
      return contacts.map((contact) => contact.firstName).sort()
    }
    assert.deepEqual(await selected('replied'), ['Ada'])
    assert.deepEqual(await selected('opted_out'), ['Ada'])
    assert.deepEqual(await selected('not_replied'), ['Silent'])
    assert.deepEqual(await selected('messaged'), ['Ada', 'Silent'])
  })
})

test.group('Segments | campaign history over the API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('saves and counts a history segment, and reads it back as written', async ({
    client,
    assert,
  }) => {
    const world = await buildHistoryWorld()
    const { spring } = world
    const owner = await createMember('owner', { organization: world.org })
    const token = await apiTokenFor(owner)
    const definition = {
      any: [
        {
          all: [
            {
              field: `campaign.${spring.campaign.id}.survey.${spring.question.id}`,
              op: 'eq',
              value: spring.yes.id,
            },
            { field: `campaign.${spring.campaign.id}.replied_within_days`, op: 'neq', value: 7 },
          ],
        },
        { field: 'campaigns.any.delivery', op: 'eq', value: 'failed.carrier_filtered' },
      ],
    }
    const created = await client
      .post('/api/v1/segments')
      .bearerToken(token)
      .json({ name: 'Yes, quiet lately', definition })
    created.assertStatus(201)
    assertMatchesApiDoc(created)
    assert.containSubset(created.body(), { name: 'Yes, quiet lately', count: 2 })

    const shown = await client.get(`/api/v1/segments/${created.body().id}`).bearerToken(token)
    shown.assertStatus(200)
    assertMatchesApiDoc(shown)
    assert.deepEqual(shown.body().definition, definition)
    assert.equal(shown.body().count, 2)
  })

  test('refuses unknown campaigns, questions and answers, clicks, and wrong operators or values', async ({
    client,
    assert,
  }) => {
    const world = await buildHistoryWorld()
    const { spring, fall, elsewhere } = world
    const owner = await createMember('owner', { organization: world.org })
    const token = await apiTokenFor(owner)
    const springId = spring.campaign.id
    const one = (field: string, op: string, value: unknown) => ({ all: [{ field, op, value }] })

    const cases: [unknown, { field: string; rule: string; message?: string }][] = [
      [
        one('campaign.999999.status', 'eq', 'replied'),
        {
          field: 'definition.all.0.field',
          rule: 'exists',
          message: 'There is no campaign 999999 in this organization',
        },
      ],
      [
        one(`campaign.${elsewhere.campaign.id}.status`, 'eq', 'replied'),
        { field: 'definition.all.0.field', rule: 'exists' },
      ],
      [
        one(`campaign.${springId}.survey.${fall.question.id}`, 'eq', fall.yes.id),
        {
          field: 'definition.all.0.field',
          rule: 'exists',
          message: `There is no survey question ${fall.question.id} in this campaign`,
        },
      ],
      [
        one(`campaigns.any.survey.${elsewhere.question.id}`, 'exists', true),
        { field: 'definition.all.0.field', rule: 'exists' },
      ],
      [
        one(`campaign.${springId}.survey.${spring.question.id}`, 'in', [
          spring.yes.id,
          fall.yes.id,
        ]),
        {
          field: 'definition.all.0.value.1',
          rule: 'exists',
          message: `There is no answer ${fall.yes.id} to this question`,
        },
      ],
      [
        one(`campaign.${springId}.clicked`, 'eq', 'yes'),
        {
          field: 'definition.all.0.value',
          rule: 'boolean',
          message: 'The value must be true or false',
        },
      ],
      [one('campaigns.any.clicked', 'gt', 1), { field: 'definition.all.0.op', rule: 'op' }],
      [
        one(`campaign.${springId}.status`, 'gt', 'replied'),
        { field: 'definition.all.0.op', rule: 'op' },
      ],
      [
        one(`campaign.${springId}.texted_within_days`, 'lt', 3),
        { field: 'definition.all.0.op', rule: 'op' },
      ],
      [
        one(`campaign.${springId}.status`, 'eq', 'answered'),
        { field: 'definition.all.0.value', rule: 'choice' },
      ],
      [
        one(`campaign.${springId}.delivery`, 'in', ['failed.lost']),
        { field: 'definition.all.0.value.0', rule: 'choice' },
      ],
      [
        one(`campaign.${springId}.replied_within_days`, 'eq', 0),
        { field: 'definition.all.0.value', rule: 'days' },
      ],
      [
        one(`campaign.${springId}.survey.${spring.question.id}`, 'eq', 'Yes'),
        { field: 'definition.all.0.value', rule: 'id' },
      ],
      [
        one(`campaign.${springId}.survey`, 'exists', true),
        { field: 'definition.all.0.field', rule: 'field' },
      ],
      [
        one(`campaign.${springId}.status.3`, 'eq', 'replied'),
        { field: 'definition.all.0.field', rule: 'field' },
      ],
    ]
    for (const [definition, expected] of cases) {
      const response = await client
        .post('/api/v1/segments')
        .bearerToken(token)
        .json({ name: 'Bad', definition })
      response.assertStatus(422)
      assertMatchesApiDoc(response)
      assert.containSubset(response.body().errors, [expected], JSON.stringify(definition))
    }
    assert.lengthOf(await Segment.all(), 0)
  })
})

test.group('Segments | campaign history in the builder', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('offers the campaigns with their questions and answers, and counts live', async ({
    client,
    assert,
  }) => {
    const world = await buildHistoryWorld()
    const { spring, fall } = world
    const supervisor = await createMember('supervisor', { organization: world.org })
    await Campaign.create({
      organizationId: world.org.id,
      name: 'Draft, never sent',
      audience: audienceOf({}),
    })

    const response = await asMember(client.get(urlFor('segments.create')), supervisor)
    response.assertStatus(200)
    const survey = ({ campaign, question, yes, no }: typeof spring) => ({
      id: campaign.id,
      name: campaign.name,
      questions: [
        {
          id: question.id,
          question: 'Will you vote?',
          answers: [
            { id: yes.id, answer: 'Yes' },
            { id: no.id, answer: 'No' },
          ],
        },
      ],
    })
    assert.deepEqual(inertiaPage(response).props.campaigns, [survey(fall), survey(spring)])

    const counted = await asMember(client.post(urlFor('segments.preview')), supervisor).json({
      definition: all(
        where(`campaign.${spring.campaign.id}.survey.${spring.question.id}`, 'eq', spring.yes.id)
      ),
    })
    counted.assertStatus(200)
    assert.deepEqual(counted.body(), { count: 2 })

    const clicked = await asMember(client.post(urlFor('segments.preview')), supervisor).json({
      definition: all(where('campaigns.any.clicked', 'exists', true)),
    })
    clicked.assertStatus(200)
    assert.deepEqual(clicked.body(), { count: 0 })
  })
})
