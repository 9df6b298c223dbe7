import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import type { Page } from 'playwright'
import Membership from '#models/membership'
import { emptyDatabase, owner, setUpInstance } from '#tests/browser/support'
import { campaignWithOutcomes } from '#tests/helpers/reports'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** The part of a browser canvas read here (the tests compile without the DOM's types). */
type Canvas = {
  width: number
  height: number
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray }
  }
}

/** How many pixels of a chart's canvas were drawn on (not transparent). */
function paintedPixels(page: Page, selector: string) {
  return page.locator(`${selector} canvas`).evaluate((element) => {
    const canvas = element as unknown as Canvas
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
    let painted = 0
    for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha]) painted++
    return painted
  })
}

/** The membership of the owner who set the instance up, as the report helpers want it. */
function ownerMembership() {
  return Membership.query()
    .whereHas('user', (user) => user.where('email', owner.email))
    .preload('user')
    .preload('organization')
    .firstOrFail()
}

test.group('Reports in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an owner reads the report with its charts and downloads a contacts export', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants')
    const { campaign } = await campaignWithOutcomes(await ownerMembership())

    await page.goto(urlFor('campaigns.show', { id: campaign.id }))
    await page.getByRole('link', { name: /Full report/ }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Report', exact: true }))

    const figure = (label: string) => page.locator(`[data-figure="${label}"] [data-value]`)
    await page.assertText(figure('Targeted'), '10')
    await page.assertText(figure('Sent'), '8')
    await page.assertText(figure('Delivered'), '5')
    await page.assertText(figure('Replied'), '4')
    await page.assertText(figure('Estimated cost'), '$0.11')
    await page.assertTextContains(page.locator('[data-figure="Replied"] [data-note]'), '50.0%')
    await page.assertTextContains(page.locator('[data-reason="landline"]'), '1')
    await page.assertTextContains(page.locator('[data-texter]').first(), '5')

    // Both charts drew something on their canvas.
    const activity = page.getByRole('img', { name: /Texts sent and replies received by hour/ })
    const sentiment = page.getByRole('img', { name: /sentiment of the latest reply/ })
    await page.assertVisible(activity)
    await page.assertVisible(sentiment)
    assert.isAbove(await paintedPixels(page, '[aria-label^="Texts sent and replies"]'), 500)
    assert.isAbove(await paintedPixels(page, '[aria-label^="Share of conversations"]'), 500)

    const negative = page.locator('[data-sentiment="negative"] a')
    assert.equal(
      await negative.getAttribute('href'),
      `/campaigns/${campaign.id}/review?sentiment=negative`
    )

    // Export: progress, then the file.
    await page.getByRole('button', { name: 'Export contacts' }).click()
    const row = page.locator('[data-export][data-status="completed"]')
    await page.assertVisible(row)
    await page.assertTextContains(row, '10 rows')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: 'Download' }).click(),
    ])
    const csv = await readFile((await download.path())!, 'utf8')
    const lines = csv.trimEnd().split('\r\n')
    assert.lengthOf(lines, 11)
    assert.match(lines[0], /^"contact_id","phone","first_name"/)
    assert.include(lines[0], '"Will you vote?","Need a ride?","tags","opted_out"')
  })

  test('the dashboard shows every campaign side by side with charts', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants')
    const { campaign } = await campaignWithOutcomes(await ownerMembership())

    await page.reload()

    const row = page.locator(`[data-campaign="${campaign.name}"]`)
    await page.assertTextContains(row, '62.5%')
    await page.assertTextContains(row, '$0.11')
    await page.assertVisible(page.getByRole('img', { name: /per day, last 30 days/ }).first())
    assert.isAbove(await paintedPixels(page, '[aria-label^="Campaign texts sent"]'), 500)
    await row.getByRole('link', { name: campaign.name }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Report', exact: true }))
  })
})
