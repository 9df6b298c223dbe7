import { test } from '@japa/runner'
import CannedResponse from '#models/canned_response'
import Organization from '#models/organization'
import SenderNumber from '#models/sender_number'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'

test.group('Campaign settings', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an owner adds, edits and deletes an organization-wide canned response', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    page.on('dialog', (dialog) => dialog.accept())
    await mainNavigation(page).getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('link', { name: 'Canned responses' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Canned responses' }))

    await page.getByLabel('Title').fill('Wrong number')
    await page.getByLabel('Text').fill('Sorry, we will fix our list.')
    await page.getByLabel('Tags (optional, comma-separated)').fill('data, apology')
    await page.getByRole('button', { name: 'Add' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Canned response added.')
    await page.assertTextContains(page.locator('[data-canned-response="Wrong number"]'), 'apology')

    const item = page.locator('[data-canned-response="Wrong number"]')
    await item.getByRole('button', { name: 'Edit' }).click()
    await item.getByLabel('Title').fill('Wrong person')
    await item.getByRole('button', { name: 'Save' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Canned response saved.')
    const [saved] = await CannedResponse.query().whereNull('campaign_id')
    assert.equal(saved.title, 'Wrong person')
    assert.deepEqual(saved.tags, ['data', 'apology'])

    await page.getByRole('button', { name: 'Delete' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Canned response deleted.')
    await page.assertTextContains(page.getByRole('main'), 'No canned responses yet.')
  })

  test('an owner requires registered senders and marks a number registered', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    await mainNavigation(page).getByRole('link', { name: 'Settings' }).click()
    await page.getByLabel('Require registered senders (10DLC)').check()
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Settings saved.')
    const organization = await Organization.findByOrFail('name', 'Riverside Tenants Union')
    assert.isTrue(organization.settings.requireRegisteredSenders)

    await mainNavigation(page).getByRole('link', { name: 'Providers' }).click()
    await page.getByRole('link', { name: 'Add a provider account' }).click()
    await page
      .getByLabel('Provider')
      .selectOption({ label: 'Fake carrier (development and demos)' })
    await page.getByLabel('Name (for you)').fill('Demo carrier')
    await page.getByLabel('Signing secret').fill('a-long-enough-signing-secret')
    await page.getByLabel('Sender numbers').fill('+12025550100\n+12025550101')
    await page.getByRole('button', { name: 'Add account' }).click()

    await page.getByLabel('+12025550101').check()
    await page.getByRole('button', { name: 'Save registration' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Registration saved.')
    await page.assertChecked(page.getByLabel('+12025550101'))
    const numbers = await SenderNumber.query().orderBy('phone')
    assert.deepEqual(
      numbers.map(({ phone, registered }) => ({ phone, registered })),
      [
        { phone: '+12025550100', registered: false },
        { phone: '+12025550101', registered: true },
      ]
    )
  })
})
