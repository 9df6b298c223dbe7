import { test } from '@japa/runner'
import {
  anotherBrowser,
  createInvite,
  emptyDatabase,
  joinWithInvite,
  mainNavigation,
  setUpInstance,
  volunteer,
} from '#tests/browser/support'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Onboarding an organization', (group) => {
  group.each.setup(() => emptyDatabase())

  test('the owner sets up the instance and a texter joins through an invite link', async ({
    assert,
    browser,
    browserContext,
    cleanup,
  }) => {
    const ownerPage = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const url = await createInvite(ownerPage, 'texter')
    assert.match(url, /\/join\/\S+$/)

    const texterContext = await anotherBrowser(browser)
    cleanup(() => texterContext.close())
    const page = await joinWithInvite(texterContext, url, volunteer)

    // A texter's home is their texting page; with no campaign open it says what happens next.
    await page.assertPath('/texting')
    await page.assertVisible(page.getByRole('heading', { name: 'Texting', level: 1 }))
    await page.assertTextContains(page.getByRole('status'), 'Welcome aboard.')
    const nothing = page.locator('[data-nothing-to-text]')
    await page.assertTextContains(nothing, 'Nothing to text right now')
    await page.assertTextContains(nothing, 'When an organizer opens a campaign for texting')

    // Navigation shows what a texter can use; the overview is organizer data.
    const nav = mainNavigation(page)
    await page.assertVisible(nav.getByRole('link', { name: 'Texting' }))
    await page.assertVisible(nav.getByRole('link', { name: 'Conversations' }))
    for (const organizerOnly of [
      'Overview',
      'Campaigns',
      'Contacts',
      'Members',
      'Invites',
      'Settings',
    ]) {
      await page.assertNotExists(nav.getByRole('link', { name: organizerOnly }))
    }

    // The logo leads home; the overview's address does too.
    const logo = page.getByRole('link', { name: 'Porchlight' })
    assert.equal(await logo.getAttribute('href'), '/texting')
    await page.goto(urlFor('conversations.index'))
    await logo.click()
    await page.assertPath('/texting')
    await page.goto(urlFor('dashboard'))
    await page.assertPath('/texting')
    assert.equal(
      await ownerPage.getByRole('link', { name: 'Porchlight' }).getAttribute('href'),
      '/dashboard'
    )
    await page.assertVisible(mainNavigation(ownerPage).getByRole('link', { name: 'Overview' }))

    for (const path of [
      urlFor('members.index'),
      urlFor('invites.index'),
      urlFor('organization_settings.edit'),
    ]) {
      const response = await page.goto(path)
      assert.equal(response?.status(), 403, `${path} answers 403`)
      await page.assertVisible(page.getByRole('heading', { name: 'Not allowed' }))
    }
  })

  test('a revoked invite link cannot be used', async ({ browser, browserContext, cleanup }) => {
    const ownerPage = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const url = await createInvite(ownerPage, 'texter')
    await ownerPage.getByRole('button', { name: 'Revoke' }).click()
    await ownerPage.assertTextContains(ownerPage.getByRole('status'), 'Invite link revoked.')
    await ownerPage.assertText(ownerPage.getByRole('cell', { name: 'revoked' }), 'revoked')

    const visitorContext = await anotherBrowser(browser)
    cleanup(() => visitorContext.close())
    const page = await visitorContext.visit(url)

    await page.assertVisible(page.getByRole('heading', { name: 'This invite link can’t be used' }))
    await page.assertTextContains(page.getByRole('main'), 'The link is revoked.')
    await page.assertNotExists(page.getByRole('button', { name: 'Join' }))
  })

  test('a new member waits for approval when the organization requires it', async ({
    browser,
    browserContext,
    cleanup,
  }) => {
    const ownerPage = await setUpInstance(browserContext, 'Riverside Tenants Union')
    await mainNavigation(ownerPage).getByRole('link', { name: 'Settings' }).click()
    await ownerPage.getByLabel('New members need an admin’s approval before they can text').check()
    await ownerPage.getByRole('button', { name: 'Save settings' }).click()
    await ownerPage.assertVisible(ownerPage.getByRole('status'))
    const url = await createInvite(ownerPage, 'texter')
    await ownerPage.assertTextContains(
      ownerPage.getByRole('main'),
      'New members wait for an admin’s approval'
    )

    const joinerContext = await anotherBrowser(browser)
    cleanup(() => joinerContext.close())
    const joinerPage = await joinWithInvite(joinerContext, url, volunteer)
    await joinerPage.assertPath('/waiting')
    await joinerPage.assertVisible(joinerPage.getByRole('heading', { name: 'Almost there' }))
    await joinerPage.goto(urlFor('dashboard'))
    await joinerPage.assertPath('/waiting')

    await mainNavigation(ownerPage).getByRole('link', { name: 'Members' }).click()
    const row = ownerPage.getByRole('row', { name: volunteer.email })
    await ownerPage.assertTextContains(row, 'pending')
    await row.getByRole('button', { name: 'Approve' }).click()
    await ownerPage.assertTextContains(ownerPage.getByRole('status'), 'Member is active.')
    await ownerPage.assertTextContains(row, 'active')

    await joinerPage.reload()
    await joinerPage.assertPath('/texting')
    await joinerPage.assertVisible(joinerPage.getByRole('heading', { name: 'Texting', level: 1 }))
  })
})
