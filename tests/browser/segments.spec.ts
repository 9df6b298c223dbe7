import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Organization from '#models/organization'
import Segment from '#models/segment'
import { dialectOf } from '#services/db/sql'
import { configureReadPool, readPoolSettings } from '#services/db/read_pool'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'
import { SLOW_DEFINITION, seedManyContacts } from '#tests/helpers/heavy_reads'

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
})
