import { test } from '@japa/runner'
import Organization from '#models/organization'
import Campaign from '#models/campaign'
import CampaignContact from '#models/campaign_contact'
import { createContact, createList } from '#tests/helpers/contacts'
import { createFakeAccount } from '#tests/helpers/messaging'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'

test.group('Campaigns in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an owner builds a campaign with a preview, launches, pauses, copies and resumes it', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const organization = await Organization.findByOrFail('name', 'Riverside Tenants Union')
    const list = await createList(organization.id, 'Building captains')
    await createContact(organization.id, { firstName: 'Ana', lists: [list] })
    await createContact(organization.id, { firstName: 'Bo', lists: [list] })
    await createFakeAccount(organization.id)
    page.on('dialog', (dialog) => dialog.accept())

    await mainNavigation(page).getByRole('link', { name: 'Campaigns' }).click()
    await page.getByRole('link', { name: 'New campaign' }).first().click()
    await page.getByLabel('Name').fill('Rent strike check-in')
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByLabel('Building captains').first().check()
    await page.assertTextContains(page.locator('[data-live-count]'), 'Audience: 2 contacts')

    await page.getByRole('button', { name: '6. Script' }).click()
    await page
      .getByLabel('Message', { exact: true })
      .fill('Hi {firstName}, {orgName} here: meeting tonight? Reply STOP to opt out')
    const preview = page.locator('[data-preview]')
    await page.assertTextContains(preview, 'GSM-7')
    await page.assertTextContains(preview, 'For Ana')
    await page.assertTextContains(preview, 'Hi Ana, Riverside Tenants Union here')
    await page.assertTextContains(page.locator('[data-cost]'), 'Estimated cost for 2 contacts')
    await page.getByRole('button', { name: 'Add a question' }).click()
    await page.getByLabel('Question').fill('Coming tonight?')
    await page.getByRole('button', { name: 'Add answer' }).click()
    await page.getByLabel('Answer', { exact: true }).fill('Yes')
    await page.getByLabel('Follow-up script').fill('See you at 7!')
    await page.getByRole('button', { name: 'Save draft' }).click()

    await page.assertTextContains(page.getByRole('main'), 'Review and launch')
    await page.assertTextContains(page.locator('[data-targeted]'), '2 contacts')
    await page.getByRole('button', { name: 'Launch' }).click()
    await page.assertTextContains(page.getByRole('main'), 'Launched: 2 contacts')
    await page.assertTextContains(page.locator('[data-status]'), 'active')
    await page.assertTextContains(page.getByRole('region', { name: 'Progress' }), 'Replies waiting')

    await page.getByRole('button', { name: 'Pause' }).click()
    await page.assertTextContains(page.locator('[data-status]'), 'paused')
    // A paused campaign resumes or completes; editing, launching and archiving are gone.
    await page.assertVisible(page.getByRole('button', { name: 'Resume' }))
    await page.assertVisible(page.getByRole('button', { name: 'Complete' }))
    await page.assertNotExists(page.getByRole('button', { name: 'Archive' }))
    await page.assertNotExists(page.getByRole('link', { name: 'Edit' }))
    await page.getByRole('button', { name: 'Copy' }).click()
    await page.assertTextContains(page.getByRole('heading', { level: 1 }), 'Edit campaign')

    // The campaigns table offers each row's everyday actions.
    await mainNavigation(page).getByRole('link', { name: 'Campaigns' }).click()
    const original = page.locator('[data-campaign="Rent strike check-in"]')
    const draft = page.locator('[data-campaign="Rent strike check-in (copy)"]')
    await page.assertVisible(draft.getByRole('link', { name: 'Edit' }))
    await page.assertNotExists(original.getByRole('button', { name: 'Complete' }))
    await original.getByRole('button', { name: 'Resume' }).click()
    await page.assertVisible(original.getByRole('button', { name: 'Pause' }))

    const campaign = await Campaign.findByOrFail('name', 'Rent strike check-in')
    assert.equal(campaign.status, 'active')
    assert.lengthOf(await CampaignContact.query().where('campaign_id', campaign.id), 2)
    const copy = await Campaign.findByOrFail('name', 'Rent strike check-in (copy)')
    assert.equal(copy.status, 'draft')
  })
})
