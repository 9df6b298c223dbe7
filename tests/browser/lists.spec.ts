import { test } from '@japa/runner'
import Organization from '#models/organization'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'
import { createContact, createList } from '#tests/helpers/contacts'

test.group('Lists and tags page in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an organizer creates, renames, opens and deletes lists and tags', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Union')
    page.on('dialog', (dialog) => dialog.accept())
    const organization = await Organization.findByOrFail('name', 'Riverside Union')
    const canvass = await createList(organization.id, 'Canvass')
    await createContact(organization.id, { firstName: 'Ann', lists: [canvass] })

    await mainNavigation(page).getByRole('link', { name: 'Lists' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Lists and tags' }))
    await page.assertTextContains(page.locator('[data-list="Canvass"]'), '1')
    await page.assertVisible(page.getByText('No tags yet.'))

    // Each section creates its own kind.
    await page.getByLabel('New tag').fill('volunteer')
    await page.getByRole('button', { name: 'Create tag' }).click()
    await page.assertVisible(page.locator('[data-tag="volunteer"]'))
    await page.getByLabel('New list').fill('Phone bank')
    await page.getByRole('button', { name: 'Create list' }).click()
    await page.assertVisible(page.locator('[data-list="Phone bank"]'))

    // One row is renamed at a time across both tables.
    await page.locator('[data-list="Canvass"]').getByRole('button', { name: 'Rename' }).click()
    await page.locator('[data-tag="volunteer"]').getByRole('button', { name: 'Rename' }).click()
    await page.assertNotExists(page.locator(`#list-name-${canvass.id}`))
    await page.locator('[data-tag="volunteer"]').getByLabel('Name').fill('volunteers')
    await page.locator('[data-tag="volunteer"]').getByRole('button', { name: 'Save' }).click()
    await page.assertVisible(page.getByRole('link', { name: 'volunteers' }))

    // A name opens the contacts table filtered to it.
    await page.getByRole('link', { name: 'Canvass' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Contacts' }))
    assert.include(page.url(), `listId=${canvass.id}`)
    await page.assertVisible(page.getByRole('link', { name: 'Ann' }))
    await page.goBack()

    // Deleting a tag keeps its contacts and the lists.
    await page.locator('[data-tag="volunteers"]').getByRole('button', { name: 'Delete' }).click()
    await page.assertVisible(page.getByText('No tags yet.'))
    await page.assertVisible(page.locator('[data-list="Canvass"]'))
  })
})
