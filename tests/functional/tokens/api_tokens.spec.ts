import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Membership from '#models/membership'
import { OrganizationFactory } from '#database/factories/organization_factory'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember, fieldErrors } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function tokensOf(membership: Membership) {
  return Membership.accessTokens.all(membership)
}

test.group('API tokens | web page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creating a token shows its secret once, and the secret works', async ({
    client,
    assert,
  }) => {
    const member = await createMember('supervisor')

    const created = await asMember(client.post(urlFor('api_tokens.store')), member).form({
      name: 'CRM sync',
    })

    created.assertStatus(302)
    created.assertHeader('location', '/account/tokens')
    const secret = String(created.flashMessage('newToken'))
    assert.match(secret, /^plt_/)

    const shown = await asMember(client.get(urlFor('api_tokens.index')), member).withFlashMessages(
      created.flashMessages()
    )
    const { props } = inertiaPage(shown)
    assert.equal(props.newToken, secret)
    assert.deepEqual(
      props.tokens.map((t: { name: string }) => t.name),
      ['CRM sync']
    )
    assert.notInclude(JSON.stringify(props.tokens), secret)

    const later = await asMember(client.get(urlFor('api_tokens.index')), member)
    assert.isNull(inertiaPage(later).props.newToken)
    assert.notInclude(later.text(), secret)

    const stored = await db.from('api_tokens').where('tokenable_id', member.id).firstOrFail()
    assert.notInclude(JSON.stringify(stored), secret.slice(4))

    const me = await client.get('/api/v1/me').bearerToken(secret)
    me.assertStatus(200)
    assert.deepInclude(me.body(), { role: 'supervisor' })
    assert.equal(me.body().organization.id, member.organizationId)
  })

  test('a token needs a name', async ({ client, assert }) => {
    const member = await createMember('texter')

    const response = await asMember(client.post(urlFor('api_tokens.store')), member).form({
      name: '',
    })

    assert.property(fieldErrors(response), 'name')
    assert.lengthOf(await tokensOf(member), 0)
  })

  test('the list shows only this membership’s tokens', async ({ client, assert }) => {
    const member = await createMember('admin')
    const colleague = await createMember('texter', { organization: member.organization })
    const otherOrganization = await OrganizationFactory.create()
    const sameUserElsewhere = await Membership.create({
      organizationId: otherOrganization.id,
      userId: member.userId,
      role: 'owner',
      status: 'active',
    })
    await Membership.accessTokens.create(member, ['*'], { name: 'mine here' })
    await Membership.accessTokens.create(colleague, ['*'], { name: 'colleague’s' })
    await Membership.accessTokens.create(sameUserElsewhere, ['*'], { name: 'mine elsewhere' })

    const response = await asMember(client.get(urlFor('api_tokens.index')), member)

    const { props } = inertiaPage(response)
    assert.deepEqual(
      props.tokens.map((t: { name: string }) => t.name),
      ['mine here']
    )
  })

  test('revoking a token stops it working', async ({ client, assert }) => {
    const member = await createMember('texter')
    const secret = await apiTokenFor(member)
    const [token] = await tokensOf(member)

    const response = await asMember(
      client.delete(urlFor('api_tokens.destroy', { id: String(token.identifier) })),
      member
    )

    response.assertStatus(302)
    response.assertFlashMessage('success', 'The token is revoked.')
    assert.lengthOf(await tokensOf(member), 0)
    const me = await client.get('/api/v1/me').bearerToken(secret)
    me.assertStatus(401)
  })

  test('another membership’s token cannot be revoked', async ({ client, assert }) => {
    const member = await createMember('owner')
    const colleague = await createMember('texter', { organization: member.organization })
    const stranger = await createMember('owner')
    const sameUserElsewhere = await Membership.create({
      organizationId: stranger.organizationId,
      userId: member.userId,
      role: 'texter',
      status: 'active',
    })

    for (const owner of [colleague, stranger, sameUserElsewhere]) {
      const secret = await apiTokenFor(owner)
      const [token] = await tokensOf(owner)

      const response = await asMember(
        client.delete(urlFor('api_tokens.destroy', { id: String(token.identifier) })),
        member
      )

      response.assertStatus(404)
      assert.lengthOf(await tokensOf(owner), 1)
      const me = await client.get('/api/v1/me').bearerToken(secret)
      me.assertStatus(200)
    }
  })
})
