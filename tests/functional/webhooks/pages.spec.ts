import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import WebhookEndpoint from '#models/webhook_endpoint'
import { createMember } from '#tests/helpers/members'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember, assertFormRefused } from '#tests/helpers/web'
import { deliverAll, startReceiver } from '#tests/helpers/webhook_receiver'

test.group('Outbound webhooks | pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin adds an endpoint (secret shown once), tests it and reads the log', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await createMember('admin')
    const receiver = await startReceiver(cleanup)

    const created = await asMember(client.post(urlFor('webhook_endpoints.store')), admin).json({
      url: receiver.url,
      events: ['message.received'],
      enabled: true,
    })
    created.assertStatus(200)
    const page = inertiaPage(created)
    assert.equal(page.component, 'webhook_endpoints/edit')
    assert.match(page.props.secret, /^whsec_/)
    const endpoint = await WebhookEndpoint.findOrFail(page.props.endpoint.id)
    assert.equal(endpoint.secret, page.props.secret)

    const shown = await asMember(
      client.get(urlFor('webhook_endpoints.edit', { id: endpoint.id })),
      admin
    )
    assert.isNull(inertiaPage(shown).props.secret)
    assert.notInclude(shown.text(), endpoint.secret)

    const tested = await asMember(
      client.post(urlFor('webhook_endpoints.test', { id: endpoint.id })),
      admin
    )
    tested.assertHeader('location', urlFor('webhook_endpoints.edit', { id: endpoint.id }))
    await deliverAll()
    const log = inertiaPage(
      await asMember(client.get(urlFor('webhook_endpoints.edit', { id: endpoint.id })), admin)
    ).props.deliveries
    assert.containSubset(log, [
      { eventType: 'webhook.test', status: 'succeeded', responseStatus: 200 },
    ])

    const again = await asMember(
      client.post(urlFor('webhook_deliveries.resend', { id: endpoint.id, deliveryId: log[0].id })),
      admin
    )
    again.assertHeader('location', urlFor('webhook_endpoints.edit', { id: endpoint.id }))
    await deliverAll()
    assert.lengthOf(receiver.received, 2)
    assert.equal(
      receiver.received[0].headers['webhook-id'],
      receiver.received[1].headers['webhook-id']
    )

    const index = await asMember(client.get(urlFor('webhook_endpoints.index')), admin)
    assert.containSubset(inertiaPage(index).props.endpoints, [{ id: endpoint.id, enabled: true }])

    const removed = await asMember(
      client.delete(urlFor('webhook_endpoints.destroy', { id: endpoint.id })),
      admin
    )
    removed.assertHeader('location', urlFor('webhook_endpoints.index'))
    assert.isNull(await WebhookEndpoint.find(endpoint.id))
  })

  test('a disabled endpoint shows why on its page; saving it enabled clears that', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const endpoint = await WebhookEndpoint.create({
      organizationId: admin.organizationId,
      url: 'https://example.org/hooks',
      events: ['message.received'],
      enabled: false,
      disabledReason: 'Every delivery failed for 24 hours',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    })
    const page = await asMember(
      client.get(urlFor('webhook_endpoints.edit', { id: endpoint.id })),
      admin
    )
    assert.equal(
      inertiaPage(page).props.endpoint.disabledReason,
      'Every delivery failed for 24 hours'
    )

    const saved = await asMember(
      client.put(urlFor('webhook_endpoints.update', { id: endpoint.id })),
      admin
    ).json({ url: endpoint.url, events: ['message.received', 'opt_out.created'], enabled: true })
    saved.assertHeader('location', urlFor('webhook_endpoints.edit', { id: endpoint.id }))
    await endpoint.refresh()
    assert.isTrue(endpoint.enabled)
    assert.isNull(endpoint.disabledReason)
    assert.deepEqual(endpoint.events, ['message.received', 'opt_out.created'])
  })

  test('texters and supervisors cannot reach the webhook pages', async ({ client }) => {
    for (const role of ['texter', 'supervisor'] as const) {
      const member = await createMember(role)
      const page = await asMember(client.get(urlFor('webhook_endpoints.index')), member)
      page.assertStatus(403)
      const post = await asMember(client.post(urlFor('webhook_endpoints.store')), member).json({
        url: 'https://example.org/hooks',
        events: ['message.received'],
      })
      assertFormRefused(post)
    }
  })
})
