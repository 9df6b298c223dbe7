import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import type Membership from '#models/membership'
import testUtils from '@adonisjs/core/services/test_utils'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { asMember } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

const BODY =
  'Hi {firstName}, {texterName} here with {orgName}. Level: {Volunteer Level}. Reply STOP to opt out'

/** A member's preview request through the API. */
async function preview(client: ApiClient, member: Membership, body: object) {
  return client
    .post('/api/v1/messages/preview')
    .bearerToken(await apiTokenFor(member))
    .json(body)
}

test.group('Scripts | POST /api/v1/messages/preview', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('renders a script for a contact, with the texter’s first name', async ({
    client,
    assert,
  }) => {
    const supervisor = await createMember('supervisor')
    await supervisor.user.merge({ fullName: 'Maya Lopez' }).save()
    const { organization } = supervisor
    const contact = await createContact(organization.id, {
      firstName: 'Ana',
      customFields: { 'Volunteer Level': 'Captain' },
    })

    const response = await preview(client, supervisor, { body: BODY, contactId: contact.id })

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    const rendered = `Hi Ana, Maya here with ${organization.name}. Level: Captain. Reply STOP to opt out`
    assert.deepEqual(response.body(), {
      rendered,
      encoding: 'GSM-7',
      segments: 1,
      characters: rendered.length,
      missingFields: [],
      nonGsmCharacters: [],
      lints: [],
    })
  })

  test('reports the fields a contact lacks and the UCS-2 characters', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const contact = await createContact(admin.organizationId, { firstName: null })

    const response = await preview(client, admin, {
      body: `${BODY} — thanks`,
      contactId: contact.id,
    })

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.deepEqual(response.body().missingFields, ['firstName', 'Volunteer Level'])
    assert.equal(response.body().encoding, 'UCS-2')
    assert.deepEqual(response.body().nonGsmCharacters, [{ char: '—', suggestion: '-' }])
  })

  test('a texter previews a template: contact fields stay as written', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    await createContact(texter.organizationId, { customFields: { Shift: 'Sat' } })

    const response = await preview(client, texter, {
      body: 'Hi {firstName}, see bit.ly/x about {Shfit}',
      firstMessage: false,
    })

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    assert.equal(response.body().rendered, 'Hi {firstName}, see bit.ly/x about {Shfit}')
    assert.deepEqual(response.body().missingFields, [])
    assert.deepEqual(
      response.body().lints.map((lint: { code: string }) => lint.code),
      ['link', 'url_shortener', 'unknown_merge_field']
    )
  })

  test('a texter may not render a contact’s data', async ({ client }) => {
    const texter = await createMember('texter')
    const contact = await createContact(texter.organizationId, { firstName: 'Ana' })

    const response = await preview(client, texter, { body: BODY, contactId: contact.id })

    response.assertStatus(403)
    assertMatchesApiDoc(response)
  })

  test('another organization’s contact is not found', async ({ client }) => {
    const owner = await createMember('owner')
    const other = await createMember('owner')
    const stranger = await createContact(other.organizationId)

    const response = await preview(client, owner, { body: BODY, contactId: stranger.id })

    response.assertStatus(404)
    assertMatchesApiDoc(response)
  })

  test('a missing body is refused with the field named', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const response = await preview(client, owner, { contactId: 'x' })

    response.assertStatus(422)
    assertMatchesApiDoc(response)
    const fields = response.body().errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, ['body', 'contactId'])
  })

  test('without a token: 401', async ({ client }) => {
    const response = await client.post('/api/v1/messages/preview').json({ body: 'Hi' })
    response.assertStatus(401)
    assertMatchesApiDoc(response)
  })

  test('the script editor gets the same figures', async ({ client, assert }) => {
    const owner = await createMember('owner')
    const contact = await createContact(owner.organizationId, { firstName: 'Ana' })

    const response = await asMember(client.post(urlFor('scripts.preview')), owner).json({
      body: 'Hi {firstName} from {orgName}. Reply STOP to opt out',
      contactId: contact.id,
    })

    response.assertStatus(200)
    assert.equal(
      response.body().rendered,
      `Hi Ana from ${owner.organization.name}. Reply STOP to opt out`
    )
    assert.equal(response.body().segments, 1)
  })
})
