import { test } from '@japa/runner'
import type { Page } from 'playwright'
import Membership from '#models/membership'
import Message from '#models/message'
import User from '#models/user'
import {
  anotherBrowser,
  createInvite,
  emptyDatabase,
  joinWithInvite,
  mainNavigation,
  owner,
  setUpInstance,
  startTexting,
  volunteer,
} from '#tests/browser/support'
import { asleep, launchedCampaign } from '#tests/helpers/texting'

/** The organization's owner membership (set up through the first-run page). */
async function ownerMembership() {
  const user = await User.findByOrFail('email', owner.email)
  const membership = await Membership.query()
    .where('user_id', user.id)
    .preload('organization')
    .firstOrFail()
  membership.$setRelated('user', user)
  return membership
}

const sentTexts = (campaignId: number) =>
  Message.query().where('campaign_id', campaignId).orderBy('id')

const greeting = (person: number) =>
  `Hi Person${person}, it is Theo from Riverside Tenants Union. Reply STOP to opt out`

async function openTexting(page: Page) {
  await mainNavigation(page).getByRole('link', { name: 'Texting' }).click()
  await page.assertVisible(page.getByRole('heading', { name: 'Texting' }))
}

test.group('Texting | the send screen', (group) => {
  group.each.setup(() => emptyDatabase())

  test('a volunteer claims a batch and sends every first text with Enter, one per press', async ({
    assert,
    browser,
    browserContext,
    cleanup,
  }) => {
    const ownerPage = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const url = await createInvite(ownerPage, 'texter')
    const texterContext = await anotherBrowser(browser)
    cleanup(() => texterContext.close())
    const page = await joinWithInvite(texterContext, url, volunteer)
    await page.assertPath('/texting')

    const { campaign } = await launchedCampaign(await ownerMembership(), {
      contacts: 3,
      body: 'Hi {firstName}, it is {texterName} from {orgName}. Reply STOP to opt out',
    })

    await openTexting(page)
    const card = page.locator('[data-campaign]', { hasText: campaign.name })
    await page.assertTextContains(card, '0 to send')
    await card.getByRole('button', { name: 'Start texting' }).click()

    await page.assertVisible(page.getByRole('heading', { name: campaign.name }))
    await page.assertTextContains(page.locator('[data-shortcuts]'), 'Enter')
    const message = page.getByLabel('Message')
    await page.assertInputValue(message, greeting(1))
    assert.isNotNull(await message.getAttribute('readonly'))
    await page.assertTextContains(page.locator('[data-progress]'), '0 sent · 3 to go')

    // Holding Enter down: the key repeats, one text goes out.
    await message.focus()
    for (let index = 0; index < 8; index++) await page.keyboard.down('Enter')
    await page.keyboard.up('Enter')
    await page.assertInputValue(message, greeting(2))
    await page.assertTextContains(page.locator('[data-progress]'), '1 sent · 2 to go')

    await page.keyboard.press('Enter')
    await page.assertInputValue(message, greeting(3))
    await page.assertTextContains(page.locator('[data-progress]'), '2 sent · 1 to go')
    await page.keyboard.press('Enter')
    await page.assertTextContains(page.locator('[data-empty]'), 'You have texted everyone')
    await page.assertTextContains(page.locator('[data-progress]'), '3 sent · 0 to go')

    const texts = await sentTexts(campaign.id)
    assert.deepEqual(
      texts.map((text) => text.body),
      [greeting(1), greeting(2), greeting(3)]
    )
  })

  test('while a send is being answered the buttons say so, and a press meanwhile sends nothing', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const { campaign } = await launchedCampaign(await ownerMembership(), { contacts: 3 })
    await openTexting(page)
    await startTexting(page, campaign.name)
    const message = page.getByLabel('Message')
    await page.assertInputValue(message, 'Hi Person1, Olivia here. Reply STOP to opt out')

    // The server answers the first send only when the test lets it.
    let answer!: () => void
    const answered = new Promise<void>((resolve) => (answer = resolve))
    const sends: string[] = []
    await page.route(`**/texting/campaigns/${campaign.id}/send`, async (route) => {
      sends.push(route.request().postData() ?? '')
      if (sends.length === 1) await answered
      await route.continue()
    })

    await message.focus()
    await page.keyboard.press('Enter')
    // The next card is on screen at once; its Send waits for the answer, and says so.
    await page.assertInputValue(message, 'Hi Person2, Olivia here. Reply STOP to opt out')
    const sending = page.getByRole('button', { name: 'Sending…' })
    await page.assertVisible(sending)
    assert.isTrue(await sending.isDisabled())
    assert.equal(await sending.getAttribute('aria-busy'), 'true')
    await page.assertVisible(page.getByRole('button', { name: 'Skip', disabled: true }))
    await page.assertVisible(page.getByRole('button', { name: 'Opt out', disabled: true }))

    // A press now is dropped, visibly: nothing is sent and the card stays.
    await page.keyboard.press('Enter')
    await page.assertInputValue(message, 'Hi Person2, Olivia here. Reply STOP to opt out')
    assert.lengthOf(sends, 1)

    answer()
    const send = page.getByRole('button', { name: 'Send', exact: true })
    await page.assertVisible(send)
    assert.isTrue(await send.isEnabled())
    assert.equal(await send.getAttribute('aria-busy'), 'false')
    await page.assertTextContains(page.locator('[data-progress]'), '1 sent · 2 to go')

    await page.keyboard.press('Enter')
    await page.assertTextContains(page.locator('[data-progress]'), '2 sent · 1 to go')
    const texts = await sentTexts(campaign.id)
    assert.deepEqual(
      texts.map((text) => text.body),
      [
        'Hi Person1, Olivia here. Reply STOP to opt out',
        'Hi Person2, Olivia here. Reply STOP to opt out',
      ]
    )
  })

  test('with nobody inside texting hours the screen says when texting resumes', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const { campaign } = await launchedCampaign(await ownerMembership(), {
      contacts: 2,
      timezone: asleep(),
    })

    await openTexting(page)
    const card = page.locator('[data-campaign]', { hasText: campaign.name })
    await card.getByRole('button', { name: 'Start texting' }).click()
    await page.assertTextContains(page.locator('[data-empty]'), 'Nobody you hold can be texted')
    await page.assertTextContains(page.locator('[data-resume]'), 'you can resume at')
    await page.assertNotExists(page.getByLabel('Message'))
    assert.lengthOf(await sentTexts(campaign.id), 0)

    // Done for now gives them back.
    await page.getByRole('button', { name: 'Done for now' }).click()
    await page.assertPath('/texting')
    await page.assertTextContains(page.getByRole('status'), '2 unsent contacts went back')
  })
})
