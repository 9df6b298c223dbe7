import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Organization from '#models/organization'
import Segment from '#models/segment'
import { dialectOf } from '#services/db/sql'
import { configureReadPool, readPoolSettings } from '#services/db/read_pool'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'
import { SLOW_DEFINITION, seedManyContacts } from '#tests/helpers/heavy_reads'
import { buildHistoryWorld } from '#tests/helpers/campaign_history'

const defaults = { ...readPoolSettings }

test.group('Segments in the browser', (group) => {
  group.each.setup(() => emptyDatabase())
  group.each.teardown(() => configureReadPool(defaults))

  test('a segment too slow to count says so in the list, the segment builder and the campaign builder', async ({
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Union')
    const organization = await Organization.findByOrFail('name', 'Riverside Union')
    // Each count takes a fraction of a second here, far past a 50 ms limit.
    await seedManyContacts(
      organization.id,
      dialectOf(db.connection()) === 'sqlite' ? 20_000 : 1_000
    )
    await Segment.create({
      organizationId: organization.id,
      name: 'Everyone with a note',
      definition: SLOW_DEFINITION as any,
    })
    await configureReadPool({ timeLimitMs: 50, waitLimitMs: 30_000 })

    await mainNavigation(page).getByRole('link', { name: 'Segments' }).click()
    const row = page.locator('[data-segment="Everyone with a note"]')
    await page.assertTextContains(row, 'too slow to count')

    await row.getByRole('link', { name: 'Everyone with a note' }).click()
    await page.assertTextContains(
      page.locator('[data-preview-problem]'),
      'This filter is too slow: it was stopped after 1 s. Narrow it'
    )
    await page.assertDisabled(page.getByRole('button', { name: 'Save segment' }))

    // The campaign builder's audience count says the same.
    await mainNavigation(page).getByRole('link', { name: 'Campaigns' }).click()
    await page.getByRole('link', { name: 'New campaign' }).first().click()
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByLabel('And everyone in this segment').selectOption('Everyone with a note')
    await page.assertTextContains(
      page.locator('[data-count-problem]'),
      'This filter is too slow: it was stopped after 1 s. Narrow it'
    )
  }).timeout(120_000)

  test('a campaign history condition picked through the campaign, question and answer counts live', async ({
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Union')
    const organization = await Organization.findByOrFail('name', 'Riverside Union')
    await buildHistoryWorld(organization)

    await mainNavigation(page).getByRole('link', { name: 'Segments' }).click()
    await page.getByRole('link', { name: 'New segment' }).first().click()
    await page.getByLabel('Field').selectOption({ label: 'Campaign history…' })
    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Spring' })
    await page.getByLabel('What').selectOption({ label: 'Survey answer' })
    await page.getByLabel('Question').selectOption({ label: 'Will you vote?' })
    await page.getByLabel('Answers').selectOption({ label: 'Yes' })
    await page.assertTextContains(page.locator('[data-live-count]'), '2 contacts match')

    // Those who said Yes and did not write back this week: Gus.
    await page.getByRole('button', { name: '+ Condition' }).click()
    const second = page.locator('[data-condition]').nth(1)
    await second.getByLabel('Field').selectOption({ label: 'Campaign history…' })
    await second.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Spring' })
    await second.getByLabel('What').selectOption({ label: 'Replied in the last … days' })
    await second.getByLabel('Operator').selectOption({ label: 'is not' })
    await second.getByLabel('Days').fill('7')
    await page.assertTextContains(page.locator('[data-live-count]'), '1 contact matches')

    await page.getByLabel('Name').fill('Said yes in spring, quiet since')
    await page.getByRole('button', { name: 'Save segment' }).click()
    await page.assertTextContains(page.locator('body'), 'saved: 1 contacts')
  }).timeout(120_000)
})
