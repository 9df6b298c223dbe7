import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'
import { fixturePath, uploadedImport } from '#tests/helpers/imports'
import Membership from '#models/membership'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Importing contacts in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an organizer uploads a messy file, checks the columns, imports it and gets the report', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants')

    await mainNavigation(page).getByRole('link', { name: 'Contacts' }).click()
    await page.getByRole('link', { name: 'Import contacts' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Import contacts' }))
    await page.getByLabel('CSV file').setInputFiles(fixturePath('messy.csv'))
    await page.getByRole('button', { name: 'Upload and check columns' }).click()

    // The preview: columns as detected, the first rows as they will be read.
    await page.assertVisible(page.getByRole('heading', { name: 'messy.csv' }))
    await page.assertTextContains(page.locator('body'), '9 rows')
    assert.equal(await page.getByLabel('Cell Phone').inputValue(), 'phone')
    assert.equal(await page.getByLabel('Zip_Code').inputValue(), 'zip')
    assert.equal(await page.getByLabel('Volunteer Level').inputValue(), 'custom')
    await page.assertTextContains(page.locator('body'), '✓ +14155550100')
    await page.assertTextContains(page.locator('body'), '✗ Same phone number as row 2')

    // Leave a column out, name the list, start.
    await page.getByLabel('Address').selectOption('ignore')
    await page.getByLabel('Add the contacts to the list').fill('Spring volunteers')
    await page.getByRole('button', { name: 'Start import' }).click()

    await page.assertVisible(page.getByRole('heading', { name: 'Import finished' }))
    await page.assertTextContains(page.locator('[data-count="totalRows"]'), '9')
    await page.assertTextContains(page.locator('[data-count="created"]'), '5')
    await page.assertTextContains(page.locator('[data-count="invalid"]'), '3')
    await page.assertTextContains(page.locator('[data-count="duplicates"]'), '1')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the report (CSV)' }).click(),
    ])
    const report = await readFile((await download.path())!, 'utf8')
    assert.deepEqual(
      report
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n')
        .slice(0, 2),
      ['row,field,reason', '3,phone,Same phone number as row 2; row 2 was kept']
    )

    await page.getByRole('link', { name: 'See the contacts on this list' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Contacts' }))
    await page.assertVisible(page.getByRole('link', { name: 'Ana García' }))
  })

  test('an import that stopped part-way is resumed from its page', async ({ browserContext }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants')
    const owner = await Membership.query().preload('user').firstOrFail()
    const stopped = await uploadedImport(owner, 'messy.csv', {
      status: 'failed',
      listName: 'Spring volunteers',
    })
    stopped.failureReason = 'The import stopped before it finished (the server restarted).'
    await stopped.save()

    await page.goto(urlFor('imports.show', { id: stopped.id }))
    await page.assertVisible(
      page.getByRole('heading', { name: 'The import stopped before the end' })
    )
    await page.getByRole('button', { name: 'Resume the import' }).click()

    await page.assertVisible(page.getByRole('heading', { name: 'Import finished' }))
    await page.assertTextContains(page.locator('[data-count="created"]'), '5')
  })
})
