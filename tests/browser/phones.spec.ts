import { test } from '@japa/runner'
import Organization from '#models/organization'
import ProviderAccount from '#models/provider_account'
import SenderNumber from '#models/sender_number'
import WebhookEvent from '#models/webhook_event'
import sms from '#services/sms'
import { accountConfig } from '#services/provider_accounts/clients'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'

const SENDER = '+12025550100'
const ANA = '+12025550123'

test.group('Fake carrier Phones page', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an organizer reads what a fake phone received and replies as that person', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const organization = await Organization.findByOrFail('name', 'Riverside Tenants Union')
    const account = await ProviderAccount.create({
      organizationId: organization.id,
      provider: 'fake',
      name: 'Demo carrier',
      credentials: { signingSecret: 'browser-test-signing-secret-0123' },
      settings: { deliveryDelayMs: 0 },
      status: 'active',
    })
    await SenderNumber.create({
      organizationId: organization.id,
      providerAccountId: account.id,
      phone: SENDER,
    })
    const client = await sms.client(accountConfig(account))
    await client.send({
      to: ANA,
      from: SENDER,
      body: 'Hi Ana, can you come Saturday?',
      messageId: 1,
    })

    await mainNavigation(page).getByRole('link', { name: 'Phones' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Phones' }))
    await page.assertTextContains(page.getByRole('main'), 'Hi Ana, can you come Saturday?')
    await page.getByRole('link', { name: ANA }).click()

    await page.assertVisible(page.getByRole('heading', { name: ANA }))
    const texts = page.getByRole('list', { name: 'Texts' })
    await page.assertTextContains(texts, 'Hi Ana, can you come Saturday?')
    await page.assertTextContains(texts, `from ${SENDER}`)

    await page.getByLabel(`Reply as ${ANA}`).fill('Yes, count me in!')
    await page.getByRole('button', { name: 'Send reply' }).click()

    await page.assertTextContains(page.getByRole('status'), `Sent as ${ANA}.`)
    await page.assertTextContains(texts, 'Yes, count me in!')
    const inbound = await WebhookEvent.query()
      .where('provider_account_id', account.id)
      .where('kind', 'inbound')
    assert.lengthOf(inbound, 1)
    assert.containSubset(JSON.parse(inbound[0].payload).event, {
      from: ANA,
      body: 'Yes, count me in!',
    })
  })
})
