import { test } from '@japa/runner'
import Contact from '#models/contact'
import Membership from '#models/membership'
import ProviderAccount from '#models/provider_account'
import Tag from '#models/tag'
import User from '#models/user'
import { emptyDatabase, mainNavigation, owner, setUpInstance } from '#tests/browser/support'
import { fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { arrange, holders, launchedCampaign, textOf } from '#tests/helpers/supervision'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** The owner from the first-run page, and two texters of the organization. */
async function team() {
  const ownerUser = await User.findByOrFail('email', owner.email)
  const organizer = await Membership.query()
    .where('user_id', ownerUser.id)
    .preload('organization')
    .firstOrFail()
  organizer.$setRelated('user', ownerUser)
  const texter = async (fullName: string, email: string) => {
    const user = await User.create({ fullName, email, password: 'porch-light-texter' })
    return Membership.create({
      organizationId: organizer.organizationId,
      userId: user.id,
      role: 'texter',
      status: 'active',
    })
  }
  return {
    organizer,
    ana: await texter('Ana Alvarez', 'ana@example.org'),
    ben: await texter('Ben Brooks', 'ben@example.org'),
  }
}

test.group('Supervisor review in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('a supervisor filters a campaign’s conversations, opens one and reassigns it', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Union')
    const { organizer, ana, ben } = await team()
    const { campaign, rows } = await launchedCampaign(organizer, 3, { name: 'Ride to the polls' })
    await arrange([rows[0]], { texter: ana, status: 'needs_response', messagedBy: ana })
    await arrange([rows[1]], {
      texter: ben,
      status: 'conversing',
      messagedBy: ben,
      escalated: true,
    })
    await textOf(rows[0], { direction: 'inbound', body: 'Can I get a <ride> to the polls?' })
    await textOf(rows[1], { direction: 'inbound', body: 'Thanks, all set' })
    await Tag.create({ organizationId: organizer.organizationId, name: 'angry' })

    // Escalation is a property of the tag, set on the Lists and tags page.
    await mainNavigation(page).getByRole('link', { name: 'Lists' }).click()
    await page.getByLabel('Conversations tagged angry escalate to supervisors').check()
    await page.assertTextContains(page.getByRole('status'), 'now go to supervisors')

    await page.goto(urlFor('campaigns.show', { id: campaign.id }))
    await page.assertTextContains(page.locator('[data-escalated]'), '1 escalated')
    await page.getByRole('link', { name: 'Review conversations' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Review conversations' }))
    await page.assertTextContains(page.locator('[data-escalated-count]'), '1')
    const listed = page.locator('[data-conversation]')
    await page.assertElementsCount(listed, 2)
    // A reply's markup shows as the text it is.
    await page.assertVisible(page.getByText('Can I get a <ride> to the polls?'))

    // A new reply shows up without reloading the page.
    await page.locator('[data-live="ready"]').waitFor()
    const account = await ProviderAccount.findOrFail(campaign.providerAccountId)
    const contact = await Contact.findOrFail(rows[0].contactId)
    await postFakeWebhook(account, fakeInbound(contact.phone, 'Still need that ride'))
    await page.assertVisible(page.getByText('Still need that ride'))

    await page.getByLabel('Texter', { exact: true }).selectOption({ label: 'Ana Alvarez' })
    await page.assertElementsCount(listed, 1)
    await page.assertTextContains(listed.locator('[data-texter]'), 'Ana Alvarez')
    await page.getByLabel('Texter', { exact: true }).selectOption({ label: 'Anyone' })
    await page.getByLabel('Text', { exact: true }).fill('all set')
    await page.assertElementsCount(listed, 1)
    await page.assertTextContains(listed.locator('[data-texter]'), 'Ben Brooks')
    await page.getByLabel('Text', { exact: true }).fill('')
    await page.waitForURL((url) => !url.search.includes('text='))
    await page.getByLabel('Escalated').selectOption('true')
    await page.assertElementsCount(listed, 1)
    await page.assertTextContains(listed, 'Escalated')
    await page.getByLabel('Escalated').selectOption('')
    await page.waitForURL((url) => !url.search.includes('escalated'))
    await page.assertElementsCount(listed, 2)

    // Each row opens the conversation's thread.
    const reviewUrl = page.url()
    await page.getByRole('link', { name: 'Person0' }).click()
    await page.assertPath(`/conversations/${rows[0].id}`)
    await page.goto(reviewUrl)

    await page.getByLabel('Select Person0').check()
    await page.getByLabel('Reassign to').selectOption({ label: 'Ben Brooks' })
    await page.getByRole('button', { name: 'Reassign' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Reassigned 1 contact.')
    await page.assertTextContains(
      page.locator('[data-conversation]').filter({ hasText: 'Person0' }).locator('[data-texter]'),
      'Ben Brooks'
    )
    assert.deepEqual(await holders(rows.slice(0, 2)), [ben.userId, ben.userId])

    // The Texters page shows the new load and hands out the unsent contact.
    await page.getByRole('link', { name: 'Texters' }).click()
    await page.assertTextContains(page.locator('[data-texter="Ben Brooks"]'), '2')
    await page.getByLabel('Texter', { exact: true }).selectOption({ label: 'Ana Alvarez' })
    await page.getByLabel('How many').fill('5')
    await page.getByRole('button', { name: 'Assign', exact: true }).click()
    await page.assertTextContains(page.getByRole('status'), 'Assigned 1 contact.')
    await page.assertTextContains(page.locator('[data-pool]'), '0')
  })
})
