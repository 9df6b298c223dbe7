import { test } from '@japa/runner'
import Organization from '#models/organization'
import { stateRulesFor } from '#services/texting_hours/rules'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'

test.group('Texting hours settings', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an owner switches a state rule off and adds a state from the settings', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    await mainNavigation(page).getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('link', { name: 'State texting-hour rules' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Texting hours' }))
    await page.assertTextContains(page.getByRole('main'), 'the federal 08:00–21:00')

    await page.getByLabel('Apply the rule for FL').uncheck()
    await page.getByRole('button', { name: 'Add a state' }).click()
    await page.getByLabel('State of rule 7').fill('tx')
    await page.getByLabel('Start for tx').fill('10:00')
    await page.getByLabel('End for tx').fill('18:30')
    await page.getByRole('button', { name: 'Save texting hours' }).click()
    await page.assertTextContains(page.getByRole('main'), 'Texting hours saved.')

    const organization = await Organization.findByOrFail('name', 'Riverside Tenants Union')
    const rules = await stateRulesFor(organization.id)
    assert.isFalse(rules.get('FL')!.enabled)
    assert.deepEqual(rules.get('TX'), { state: 'TX', start: '10:00', end: '18:30', enabled: true })

    await page.getByLabel('Apply the state rules below').uncheck()
    // The first save's message is still on the page: wait for this save itself.
    const saved = page.waitForResponse(
      (response) =>
        response.request().method() !== 'GET' && response.url().includes('/settings/texting-hours')
    )
    await page.getByRole('button', { name: 'Save texting hours' }).click()
    await saved
    await page.assertTextContains(page.getByRole('main'), 'Texting hours saved.')
    await organization.refresh()
    assert.isFalse(organization.settings.stateRules)
  })
})
