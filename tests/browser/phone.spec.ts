import { test } from '@japa/runner'
import type { Page } from 'playwright'
import LaunchCampaign from '#actions/campaigns/launch_campaign'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import ProviderAccount from '#models/provider_account'
import SurveyResponse from '#models/survey_response'
import dispatcher from '#services/outbox/dispatcher'
import {
  emptyDatabase,
  listening,
  mainNavigation,
  ownerAndTexter,
  setUpInstance,
  signIn,
  volunteer,
} from '#tests/browser/support'
import { createDraft } from '#tests/helpers/campaigns'
import { createContact, createList } from '#tests/helpers/contacts'
import { SURVEY } from '#tests/helpers/conversations'
import { fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import {
  documentationScreenshot,
  horizontalOverflow,
  onScreen,
  phoneBrowser,
  PHONE,
  smallTouchTargets,
} from '#tests/helpers/phone'
import { awake } from '#tests/helpers/texting'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { Assert } from '@japa/assert'

/** The page fits the phone: nothing scrolls sideways and every control takes a fingertip. */
async function fitsThePhone(assert: Assert, page: Page) {
  assert.equal(await horizontalOverflow(page), 0, `${page.url()} scrolls sideways`)
  assert.deepEqual(await smallTouchTargets(page), [], `${page.url()} has small touch targets`)
}

const firstText = (firstName: string) =>
  `Hi ${firstName}, this is Theo. Can we count on you? STOP to end`

test.group('Texting | on a phone', (group) => {
  group.each.setup(() => emptyDatabase())

  test('first texts, a reply, the survey, a canned response and opt out on a 375 × 667 touch screen', async ({
    assert,
    browser,
    browserContext,
    cleanup,
  }) => {
    await setUpInstance(browserContext, 'Riverside Tenants Union')
    const { organizer, texter } = await ownerAndTexter()
    const list = await createList(organizer.organizationId, 'Canvass')
    const ana = await createContact(organizer.organizationId, {
      firstName: 'Ana',
      lastName: 'Lima',
      timezone: awake(),
      lists: [list],
    })
    await createContact(organizer.organizationId, {
      firstName: 'Bo',
      lastName: 'Chen',
      timezone: awake(),
      lists: [list],
    })
    const draft = await createDraft(organizer, {
      name: 'Saturday canvass',
      audience: { listIds: [list.id] },
      script: {
        initial: [
          { body: 'Hi {firstName}, this is {texterName}. Can we count on you? STOP to end' },
        ],
        steps: SURVEY,
        cannedResponses: [{ title: 'Polling place', body: 'Find yours at vote.org, {firstName}.' }],
      },
    })
    const { campaign } = await LaunchCampaign.handle({ actor: organizer, campaign: draft })
    const account = await ProviderAccount.findOrFail(campaign.providerAccountId)

    const context = await phoneBrowser(browser)
    cleanup(() => context.close())
    const page = await context.visit(urlFor('session.create'))
    await fitsThePhone(assert, page)
    await signIn(page, volunteer)
    await page.assertPath('/texting')
    await fitsThePhone(assert, page)

    // The send screen: the card, the message and Send on screen without scrolling.
    const card = page.locator('[data-campaign]', { hasText: 'Saturday canvass' })
    await card.getByRole('button', { name: 'Start texting' }).tap()
    await page.assertVisible(page.getByRole('heading', { name: 'Saturday canvass' }))
    const message = page.getByLabel('Message')
    await page.assertInputValue(message, firstText('Ana'))
    const send = page.getByRole('button', { name: 'Send', exact: true })
    assert.isTrue(await onScreen(message), 'the message is on screen')
    assert.isTrue(await onScreen(send), 'Send is on screen')
    await fitsThePhone(assert, page)
    await documentationScreenshot(page, 'phone-send-screen')

    // A screen reader hears the next card when one shows.
    const announcer = page.locator('[data-announce]')
    await send.tap()
    await page.assertInputValue(message, firstText('Bo'))
    await page.assertTextContains(announcer, 'Text for Bo Chen')
    await page.assertTextContains(page.locator('[data-progress]'), '1 sent · 1 to go')

    // The on-screen keyboard takes the bottom of the screen: the page shrinks, Send stays on it.
    await page.setViewportSize({ width: PHONE.viewport.width, height: 380 })
    await message.focus()
    assert.isTrue(await onScreen(send), 'Send is above the keyboard')
    await page.setViewportSize(PHONE.viewport)
    await send.tap()
    await page.assertTextContains(page.locator('[data-empty]'), 'You have texted everyone')
    await page.assertTextContains(announcer, 'Batch done')
    const firstTexts = await Message.query().where('campaign_id', campaign.id).orderBy('id')
    assert.deepEqual(
      firstTexts.map((text) => [text.body, text.sentById]),
      [
        [firstText('Ana'), texter.userId],
        [firstText('Bo'), texter.userId],
      ]
    )

    // Ana answers; the menu button opens the navigation, and her reply waits in the list.
    await dispatcher.drainOnce()
    await postFakeWebhook(account, fakeInbound(ana.phone, 'Yes! What time?'))
    const nav = mainNavigation(page)
    await page.assertNotVisible(nav)
    const menu = page.getByRole('button', { name: 'Menu' })
    await menu.tap()
    await page.assertVisible(nav)
    await fitsThePhone(assert, page)
    await nav.getByRole('link', { name: /Conversations/ }).tap()
    await page.assertVisible(page.getByRole('heading', { name: 'Conversations' }))
    await fitsThePhone(assert, page)
    const row = page.locator('[data-conversation]', { hasText: 'Yes! What time?' })
    await row.getByRole('link').tap()

    // The thread: message box and Send on screen, a new reply shown and announced live.
    await page.assertVisible(page.getByRole('heading', { name: 'Ana Lima' }))
    const box = page.getByLabel('Message')
    const reply = page.getByRole('button', { name: 'Send', exact: true })
    assert.isTrue(await onScreen(box), 'the message box is on screen')
    assert.isTrue(await onScreen(reply), 'Send is on screen')
    await fitsThePhone(assert, page)
    await listening(page)
    await postFakeWebhook(account, fakeInbound(ana.phone, 'Can I bring my sister?'))
    const thread = page.getByRole('list', { name: 'Texts' })
    await page.assertTextContains(thread, 'Can I bring my sister?')
    await page.assertTextContains(
      page.locator('[data-announce]'),
      'New reply from Ana Lima: Can I bring my sister?'
    )
    await documentationScreenshot(page, 'phone-thread')

    // The survey's answers are large buttons; the answer puts its follow-up in the box.
    const question = page.getByRole('group', { name: 'Will you vote?' })
    await question.getByRole('button', { name: /Yes/ }).tap()
    await page.assertInputValue(box, 'Great, Ana! Need a ride?')
    await page.assertVisible(question.getByRole('button', { name: /Yes/, pressed: true }))
    const [answer] = await SurveyResponse.query().where(
      'campaign_contact_id',
      firstTexts[0].campaignContactId!
    )
    assert.equal(answer.value, 'Yes')

    // A canned response replaces it; Send (still on screen) sends it.
    await page
      .getByRole('list', { name: 'Canned responses' })
      .getByRole('button', { name: /Polling place/ })
      .tap()
    await page.assertInputValue(box, 'Find yours at vote.org, Ana.')
    assert.isTrue(await onScreen(reply), 'Send is on screen')
    await reply.tap()
    await page.assertInputValue(box, '')
    await page.assertTextContains(thread, 'Find yours at vote.org, Ana.')

    // Opt out, with the confirmation text.
    await page.getByRole('button', { name: 'Opt out…' }).tap()
    await page.getByRole('button', { name: 'Opt out and send the confirmation text' }).tap()
    await page.assertTextContains(page.locator('[data-conversation-status]'), 'Opted out')
    assert.isNotNull(await OptOut.query().where('phone', ana.phone).first())
    await fitsThePhone(assert, page)
  }).timeout(180_000)
})
