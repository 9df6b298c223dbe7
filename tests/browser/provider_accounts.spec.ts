import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Membership from '#models/membership'
import ProviderAccount from '#models/provider_account'
import Message from '#models/message'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Provider accounts', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an owner connects the fake carrier, copies its webhook URLs and sends a test text', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    await mainNavigation(page).getByRole('link', { name: 'Providers' }).click()
    await page.assertPath('/settings/providers')
    await page.getByRole('link', { name: 'Add a provider account' }).click()

    // The form comes from the plugin's manifest.
    await page
      .getByLabel('Provider')
      .selectOption({ label: 'Fake carrier (development and demos)' })
    await page.getByLabel('Name (for you)').fill('Demo carrier')
    await page.getByLabel('Signing secret').fill('a-long-enough-signing-secret')
    await page.getByLabel('Sender numbers').fill('+12025550100\n+12025550101')
    await page.getByRole('button', { name: 'Add account' }).click()

    await page.assertTextContains(page.getByRole('status'), 'Paste its webhook URLs')
    await page.assertVisible(page.getByRole('heading', { name: 'Demo carrier' }))
    const inbound = await page.getByLabel('inbound webhook URL').inputValue()
    assert.match(inbound, /\/webhooks\/fake\/\d+\/inbound$/)
    assert.equal(await page.getByLabel('Signing secret').inputValue(), '')

    await page.getByLabel('To (+1…)').fill('+12025550123')
    await page.getByRole('button', { name: 'Send test' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Test text handed to the provider')

    await mainNavigation(page).getByRole('link', { name: 'Providers' }).click()
    await page.assertVisible(page.getByRole('cell', { name: 'Demo carrier' }))
    await page.assertTextContains(page.getByRole('row', { name: /Demo carrier/ }), 'Sending')
  })

  test('the fake carrier needs nothing filled in: no secret, no numbers; demo mode can be turned off', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Harbor Food Bank')
    await page.goto(urlFor('provider_accounts.create'))
    await page
      .getByLabel('Provider')
      .selectOption({ label: 'Fake carrier (development and demos)' })
    await page.assertTextContains(page.getByRole('note'), 'texts sent through it go nowhere')
    assert.isTrue(await page.getByLabel('Demo mode').isChecked())
    await page.getByLabel('Name (for you)').fill('Try-out')
    await page.getByRole('button', { name: 'Add account' }).click()

    await page.assertTextContains(page.getByRole('status'), 'Paste its webhook URLs')
    await page.assertTextContains(page.getByRole('note'), 'no real phone receives them')
    assert.equal(await page.getByLabel('Sender numbers').inputValue(), '+12015550100')
    await page.getByLabel('To (+1…)').fill('+12025550123')
    await page.getByRole('button', { name: 'Send test' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Test text handed to the provider')

    // An unticked box sends nothing; the page says "false" so the default does not come back.
    await page.getByLabel('Demo mode').uncheck()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.assertTextContains(page.getByRole('status'), 'Account saved')
    await page.reload()
    assert.isFalse(await page.getByLabel('Demo mode').isChecked())
  })

  test('texts parked after an interrupted send say whether sending again is safe', async ({
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Eastside Mutual Aid')
    const { organizationId } = await Membership.firstOrFail()
    const parked = async (provider: string, to: string, errorCode: string) => {
      const account = await ProviderAccount.create({
        organizationId,
        provider,
        name: `${provider} account`,
        credentials: { signingSecret: 'a-long-enough-signing-secret' },
        settings: {},
        status: 'active',
      })
      await Message.create({
        organizationId,
        providerAccountId: account.id,
        direction: 'outbound',
        body: 'Hi, are you coming on Saturday?',
        media: [],
        from: '+12025550100',
        to,
        segments: 1,
        encoding: 'GSM-7',
        status: 'review',
        errorCode,
        attempts: 0,
        claimedAt: DateTime.now().minus({ minutes: 30 }),
      })
    }
    await parked('fake', '+12025550161', 'interrupted_not_sent')
    await parked('telnyx', '+12025550162', 'interrupted_unconfirmed')

    await page.goto(urlFor('provider_accounts.index'))
    await page.assertTextContains(
      page.getByRole('row', { name: /\+12025550161/ }),
      'sending it again is safe'
    )
    await page.assertTextContains(
      page.getByRole('row', { name: /\+12025550162/ }),
      'May already have been delivered'
    )
  })
})
