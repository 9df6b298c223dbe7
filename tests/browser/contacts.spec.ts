import { test } from '@japa/runner'
import Organization from '#models/organization'
import OptOut from '#models/opt_out'
import Segment from '#models/segment'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'
import { createContact, createList, createTag } from '#tests/helpers/contacts'

test.group('Contacts, lists, segments and opt-outs in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an organizer finds people, lists them, builds a segment and opts someone out', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Lakeside Tenants')
    const organization = await Organization.findByOrFail('name', 'Lakeside Tenants')
    const org = organization.id
    await createList(org, 'Canvass')
    await createTag(org, 'volunteer')
    await createContact(org, {
      phone: '+12025550143',
      firstName: 'Ann',
      lastName: 'Lee',
      state: 'MI',
      customFields: { 'Volunteer Level': 'Gold' },
    })
    await createContact(org, { phone: '+13135550100', firstName: 'Bob', state: 'OH' })

    // The contacts table filters as you type, a phone in any format included.
    await mainNavigation(page).getByRole('link', { name: 'Contacts' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Contacts' }))
    await page.getByLabel('Search').fill('(202) 555-0143')
    await page.assertNotExists(page.getByRole('link', { name: 'Bob' }))
    await page.assertVisible(page.getByRole('link', { name: 'Ann Lee' }))

    // Put her on a list from the table.
    await page.getByLabel('Select Ann Lee').check()
    await page.getByLabel('List or tag').selectOption({ label: 'Canvass' })
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.assertTextContains(
      page.getByRole('status'),
      'Added 1 contact to the list “Canvass”.'
    )

    // A segment counts live while it is built.
    await mainNavigation(page).getByRole('link', { name: 'Segments' }).click()
    await page.getByRole('link', { name: 'New segment' }).click()
    await page.getByLabel('Name').fill('Michigan')
    await page.getByLabel('Field').selectOption({ label: 'State' })
    await page.getByLabel('Value').fill('mi')
    await page.assertTextContains(page.locator('[data-live-count]'), '1 contact matches')
    await page.getByLabel('Operator').selectOption({ label: 'is not' })
    await page.assertTextContains(page.locator('[data-live-count]'), '1 contact matches')
    await page.getByLabel('Operator').selectOption({ label: 'is filled in' })
    await page.assertTextContains(page.locator('[data-live-count]'), '2 contacts match')
    await page.getByLabel('Operator').selectOption({ label: 'is' })
    await page.getByLabel('Value').fill('MI')
    await page.assertTextContains(page.locator('[data-live-count]'), '1 contact matches')
    await page.getByRole('button', { name: 'Save segment' }).click()
    await page.assertPath('/segments')
    await page.assertTextContains(page.getByRole('status'), 'Segment “Michigan” saved: 1 contacts.')
    await page.assertTextContains(page.locator('[data-segment="Michigan"]'), '1')
    const segment = await Segment.findByOrFail('name', 'Michigan')
    assert.deepEqual(segment.definition, { all: [{ field: 'state', op: 'eq', value: 'MI' }] })

    // Opting a number out shows on the list and on the contact.
    await mainNavigation(page).getByRole('link', { name: 'Opt-outs' }).click()
    await page.getByLabel('Phone (any format)').fill('313.555.0100')
    await page.getByLabel('Reason (optional)').fill('asked at the door')
    await page.getByRole('button', { name: 'Opt out', exact: true }).click()
    await page.assertTextContains(page.getByRole('status'), '+13135550100 is opted out.')
    await page.assertVisible(page.locator('[data-opt-out="+13135550100"]'))
    assert.exists(await OptOut.findBy({ organizationId: org, phone: '+13135550100' }))
  })
})
