import { test } from '@japa/runner'
import { Webhook } from 'standardwebhooks'
import Membership from '#models/membership'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { deliverAll, startReceiver } from '#tests/helpers/webhook_receiver'

test.group('Outbound webhooks', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an admin adds an endpoint, sends a test event, and an inbound reply arrives signed', async ({
    assert,
    browserContext,
    cleanup,
  }) => {
    const receiver = await startReceiver(cleanup)
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    await mainNavigation(page).getByRole('link', { name: 'Webhooks' }).click()
    await page.assertPath('/settings/webhooks')

    await page.getByLabel('URL').fill(receiver.url)
    await page.getByLabel('message.received').check()
    await page.getByRole('button', { name: 'Add endpoint' }).click()
    await page.assertTextContains(page.getByRole('status'), 'it is not shown again')
    const secret = (await page.locator('[data-secret]').textContent())!.trim()
    assert.match(secret, /^whsec_/)

    await page.getByRole('button', { name: 'Send a test event' }).click()
    await page.assertTextContains(page.getByRole('status'), 'queued')
    await deliverAll()
    await page.reload()
    const log = page.locator('[data-delivery-log]')
    await page.assertTextContains(log, 'webhook.test')
    await page.assertTextContains(log, 'succeeded')
    await page.assertTextContains(log, '200')
    // The secret was shown once.
    assert.equal(await page.locator('[data-secret]').count(), 0)

    const { organizationId } = await Membership.firstOrFail()
    const account = await createFakeAccount(organizationId)
    await postFakeWebhook(account, fakeInbound('+12025550142', 'Count me in!'))
    await deliverAll()

    const inbound = receiver.received.find((request) => request.body.includes('message.received'))!
    const event = new Webhook(secret).verify(
      inbound.body,
      inbound.headers as Record<string, string>
    ) as { type: string; data: { message: { body: string } } }
    assert.equal(event.type, 'message.received')
    assert.equal(event.data.message.body, 'Count me in!')

    await page.reload()
    await page.assertTextContains(log, 'message.received')
  })
})
