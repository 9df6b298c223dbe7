import { test } from '@japa/runner'
import Membership from '#models/membership'
import Message from '#models/message'
import User from '#models/user'
import { clickLog } from '#services/links/click_log'
import {
  emptyDatabase,
  mainNavigation,
  owner,
  setUpInstance,
  startTexting,
} from '#tests/browser/support'
import { codesIn, deliver } from '#tests/helpers/links'
import { launchedCampaign } from '#tests/helpers/texting'
import { urlFor } from '@adonisjs/core/services/url_builder'

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

test.group('Tracked links in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('a link in the script is sent as a short link, clicked, and the report counts it', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const { campaign } = await launchedCampaign(await ownerMembership(), {
      contacts: 2,
      trackLinks: true,
      body: 'Hi {firstName}, rally Saturday: https://example.org/rally Reply STOP to opt out',
    })

    await mainNavigation(page).getByRole('link', { name: 'Texting' }).click()
    await startTexting(page, campaign.name)
    const send = page.getByRole('button', { name: 'Send', exact: true })
    await send.click()
    await page.assertTextContains(page.locator('[data-progress]'), '1 sent · 1 to go')
    await send.click()
    await page.assertTextContains(page.locator('[data-progress]'), '2 sent · 0 to go')

    const texts = await Message.query().where('campaign_id', campaign.id).orderBy('id')
    assert.lengthOf(texts, 2)
    for (const text of texts) {
      assert.match(text.body, /^Hi Person\d, rally Saturday: http\S+\/l\/\w{10} Reply STOP/)
      await deliver(text)
    }

    const report = urlFor('campaigns.report', { id: campaign.id })
    const figure = (part: string) => page.locator(`[data-figure="Clicked a link"] [data-${part}]`)
    await page.goto(report)
    await page.assertText(figure('value'), '0')

    // The person opens the link: the short link sends the browser on to the real page
    // (which this machine cannot reach, so the visit itself ends in a network error).
    const origin = new URL(page.url()).origin
    const code = codesIn(texts[0].body)[0]
    const phone = await browserContext.newPage()
    const onward = phone.waitForRequest('https://example.org/rally')
    await phone.goto(`${origin}/l/${code}`).catch(() => null)
    const redirected = await onward
    assert.equal(redirected.redirectedFrom()?.url(), `${origin}/l/${code}`)
    await phone.close()
    await clickLog.flush()

    await page.goto(report)
    await page.assertText(figure('value'), '1')
    await page.assertTextContains(figure('note'), '50.0% click-through')
    await page.assertTextContains(page.locator('[data-clicks="Variant A"]'), '50.0%')
  })
})
