import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Organization from '#models/organization'
import { emptyDatabase, setUpInstance } from '#tests/browser/support'
import { telnyxKeyPair } from '#tests/fixtures/telnyx/payloads'
import {
  campaignEvent,
  createTelnyxAccount,
  createTwilioAccount,
  deliverTelnyxWebhook,
  startTelnyxStandIn,
  startTwilioStandIn,
  submittedTelnyxRegistrations,
} from '#tests/helpers/tendlc_provider'

test.group('10DLC registration', (group) => {
  let standIn: Awaited<ReturnType<typeof startTwilioStandIn>>
  group.setup(async () => {
    standIn = await startTwilioStandIn()
    return () => standIn.stop()
  })
  group.each.setup(() => emptyDatabase())

  test('an owner registers the brand and the campaign through Twilio and follows the review', async ({
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Friends of Ana Ruiz')
    const organization = await Organization.findByOrFail('name', 'Friends of Ana Ruiz')
    const account = await createTwilioAccount(organization.id, standIn.url)

    await page.goto(urlFor('provider_accounts.edit', { id: account.id }))
    await page.getByRole('link', { name: 'Register the brand and campaign through Twilio' }).click()
    await page.assertVisible(page.getByRole('heading', { name: '10DLC registration' }))

    await page.getByLabel('Legal name').fill('Friends of Ana Ruiz')
    await page.getByLabel('Entity type').selectOption({ label: 'Non-profit' })
    await page.getByLabel('EIN (or tax id)').fill('12-3456789')
    await page.getByLabel('Vertical').fill('NGO')
    await page.getByLabel('Street').fill('1 Main St')
    await page.getByLabel('City').fill('Springfield')
    await page.getByLabel('State', { exact: true }).fill('IL')
    await page.getByLabel('ZIP / postal code').fill('62701')
    await page.getByLabel('Website').fill('https://anaruiz.example.org')
    await page.getByLabel('Contact email').fill('team@anaruiz.example.org')
    await page.getByLabel('Contact phone (+1…)').fill('+12175550100')
    await page.getByRole('button', { name: 'Submit brand' }).click()
    await page.assertTextContains(
      page.getByRole('status'),
      'Brand registration submitted (pending)'
    )

    standIn.state.brandStatus = 'APPROVED'
    await page.getByRole('button', { name: 'Check status now' }).click()
    await page.assertTextContains(page.getByTestId('brand-status'), 'approved')

    // The keywords and answers come filled in from the organization's settings.
    await page.getByLabel('Use case').selectOption('MIXED')
    await page
      .getByLabel('Description')
      .fill('Volunteers text supporters about canvasses and community meetings.')
    await page
      .getByLabel('How people agree to receive texts')
      .fill('People sign up on our website form and tick a box agreeing to texts.')
    await page
      .getByLabel(/Sample messages/)
      .fill(
        'Hi, this is Sam with Friends of Ana Ruiz. Can you canvass Saturday? Reply STOP to opt out'
      )
    await page.getByRole('button', { name: 'Submit campaign' }).click()
    await page.assertTextContains(
      page.getByRole('status'),
      'Campaign registration submitted (pending)'
    )

    standIn.state.campaignStatus = 'VERIFIED'
    await page.getByRole('button', { name: 'Check status now' }).click()
    await page.assertTextContains(page.getByTestId('campaign-status'), 'approved')
    await page.assertTextContains(page.getByRole('list'), 'campaign reviewed')
  })

  test('Telnyx’s rejection, reported by its status webhook, shows with its reason', async ({
    browserContext,
  }) => {
    const telnyx = await startTelnyxStandIn()
    try {
      const page = await setUpInstance(browserContext, 'Friends of Ana Ruiz')
      const organization = await Organization.findByOrFail('name', 'Friends of Ana Ruiz')
      const key = telnyxKeyPair()
      const account = await createTelnyxAccount(organization.id, telnyx.url, key.publicKeyBase64)
      await submittedTelnyxRegistrations(account)

      const reason = 'The sample messages do not say how to opt out'
      const rejection = campaignEvent('TELNYX_REVIEW', 'REJECTED', reason)
      await deliverTelnyxWebhook(account, rejection, key.privateKey)

      await page.goto(urlFor('tendlc_registrations.show', { id: account.id }))
      await page.assertTextContains(page.getByTestId('campaign-status'), `failed — ${reason}`)
    } finally {
      await telnyx.stop()
    }
  })
})
