import { test } from '@japa/runner'
import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import testUtils from '@adonisjs/core/services/test_utils'
import { answeringShortLinks } from '#services/links/short_link_listener'
import { clickLog } from '#services/links/click_log'
import {
  codesIn,
  deliver,
  linksOf,
  PHONE,
  RALLY,
  sendFirst,
  trackedCampaign,
} from '#tests/helpers/links'

/** A server whose application only notes what reached it, and says 404. */
async function serverAheadOf(reached: string[]) {
  const application: RequestListener = (request, response) => {
    reached.push(`${request.method} ${request.url}`)
    response.writeHead(404).end()
  }
  const server = createServer(answeringShortLinks(application))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { base: `http://127.0.0.1:${port}`, close: () => server.close() }
}

test.group('Tracked links | answered ahead of the application', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => clickLog.flush())

  test('a known code is redirected and counted without the application; anything else reaches it', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { texter, campaign, rows } = await trackedCampaign(client, { contacts: 1 })
    const message = await sendFirst(client, texter, campaign, rows[0].id)
    await deliver(message)
    const [code] = codesIn(message.body)
    const reached: string[] = []
    const server = await serverAheadOf(reached)
    cleanup(() => void server.close())

    const hit = await fetch(`${server.base}/l/${code}?utm=x`, {
      redirect: 'manual',
      headers: { 'user-agent': PHONE },
    })
    assert.equal(hit.status, 302)
    assert.equal(hit.headers.get('location'), RALLY)
    assert.equal(hit.headers.get('cache-control'), 'no-store')
    assert.equal(hit.headers.get('x-robots-tag'), 'noindex')
    assert.equal(hit.headers.get('referrer-policy'), 'no-referrer')
    const head = await fetch(`${server.base}/l/${code}`, { method: 'HEAD', redirect: 'manual' })
    assert.equal(head.status, 302)
    assert.deepEqual(reached, [])

    for (const [method, path] of [
      ['GET', '/l/Zzzzzzzzzz'],
      ['GET', '/l/short'],
      ['POST', `/l/${code}`],
      ['GET', '/login'],
    ]) {
      const response = await fetch(`${server.base}${path}`, { method, redirect: 'manual' })
      assert.equal(response.status, 404)
    }
    assert.deepEqual(reached, [
      'GET /l/Zzzzzzzzzz',
      'GET /l/short',
      `POST /l/${code}`,
      'GET /login',
    ])

    await clickLog.flush()
    const [link] = await linksOf(campaign)
    assert.equal(link.clicks, 1)
    assert.equal(link.previews, 1)
  })
})
