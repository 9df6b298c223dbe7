import { test } from '@japa/runner'
import type { Page } from 'playwright'
import CampaignContact from '#models/campaign_contact'
import Message from '#models/message'
import Organization from '#models/organization'
import User from '#models/user'
import { clock } from '#services/clock'
import {
  emptyDatabase,
  listening,
  mainNavigation,
  ownerAndTexter,
  setUpInstance,
  startTexting,
  stayedLoaded,
  volunteer,
  volunteerBrowser,
} from '#tests/browser/support'
import { autoAnswersTo } from '#tests/helpers/auto_answers'
import { campaignWithSurvey, converse } from '#tests/helpers/campaign_history'
import { createContact } from '#tests/helpers/contacts'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { awake } from '#tests/helpers/texting'
import { urlFor } from '@adonisjs/core/services/url_builder'

const HOUR = 3_600_000

const first = (name: string) =>
  `Hi ${name}, thanks for your Yes! Polls open at 7. Reply STOP to opt out`
const nudge = (name: string) => `${name}, need a ride to the polls?`
const POLLING_PLACE = 'Your polling place is the library on 12 Elm St.'

/**
 * Sends the last card on the send screen with Enter and waits until the server answered the
 * send (the screen moves on at once), so that moving the clock next cannot overtake it.
 */
async function sendLastCard(page: Page) {
  const answered = page.waitForResponse((response) => response.url().endsWith('/send'))
  await page.keyboard.press('Enter')
  await page.assertTextContains(page.locator('[data-empty]'), 'You have texted everyone')
  const response = await answered
  return response.status()
}

test.group('Second pass | from survey answers to follow-ups and keyword answers', (group) => {
  group.each.setup(() => emptyDatabase())
  group.each.teardown(() => clock.reset())

  test('an organizer texts the Yeses of a first campaign again with a follow-up, and a keyword is answered live', async ({
    assert,
    browser,
    browserContext,
    cleanup,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const organization = await Organization.findByOrFail('name', 'Riverside Tenants Union')
    const { texter } = await ownerAndTexter()
    const account = await createFakeAccount(organization.id)
    page.on('dialog', (dialog) => dialog.accept())

    // The first campaign, finished, seeded through the models a completed campaign leaves
    // behind: four people texted two days ago; Ana and Bo answered Yes, Cy No, Dee never wrote back.
    const spring = await campaignWithSurvey(organization.id, 'Spring canvass')
    await spring.campaign.merge({ status: 'completed' }).save()
    const twoDaysAgo = clock.dateTime().minus({ days: 2 })
    const texted = {
      status: 'messaged' as const,
      messagedAt: twoDaysAgo,
      lastOutboundAt: twoDaysAgo,
    }
    const replied = {
      ...texted,
      status: 'closed' as const,
      repliedAt: twoDaysAgo,
      lastInboundAt: twoDaysAgo,
    }
    const person = (firstName: string) =>
      createContact(organization.id, { firstName, lastName: 'Voter', timezone: awake() })
    const [ana, bo, cy, dee] = [
      await person('Ana'),
      await person('Bo'),
      await person('Cy'),
      await person('Dee'),
    ]
    await converse(spring, ana.id, replied, spring.yes)
    await converse(spring, bo.id, replied, spring.yes)
    await converse(spring, cy.id, replied, spring.no)
    await converse(spring, dee.id, texted)

    // The second-pass segment: everyone who answered Yes in the first campaign.
    await mainNavigation(page).getByRole('link', { name: 'Segments' }).click()
    await page.getByRole('link', { name: 'New segment' }).first().click()
    await page.getByLabel('Field').selectOption({ label: 'Campaign history…' })
    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Spring canvass' })
    await page.getByLabel('What').selectOption({ label: 'Survey answer' })
    await page.getByLabel('Question').selectOption({ label: 'Will you vote?' })
    await page.getByLabel('Answers').selectOption({ label: 'Yes' })
    await page.assertTextContains(page.locator('[data-live-count]'), '2 contacts match')
    await page.getByLabel('Name').fill('Said Yes in spring')
    await page.getByRole('button', { name: 'Save segment' }).click()
    await page.assertTextContains(page.locator('body'), 'saved: 2 contacts')

    // The campaign to that segment, with one follow-up a day later to those who stay quiet.
    await mainNavigation(page).getByRole('link', { name: 'Campaigns' }).click()
    await page.getByRole('link', { name: 'New campaign' }).first().click()
    await page.getByLabel('Name').fill('Get out the vote')
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByLabel('And everyone in this segment').selectOption('Said Yes in spring')
    await page.assertTextContains(page.locator('[data-live-count]'), 'Audience: 2 contacts')
    await page.getByRole('button', { name: '6. Script' }).click()
    await page
      .getByLabel('Message', { exact: true })
      .fill('Hi {firstName}, thanks for your Yes! Polls open at 7. Reply STOP to opt out')
    await page.getByRole('button', { name: 'Add a follow-up' }).click()
    const step = page.locator('[data-follow-up-step]')
    await step.getByLabel('After').fill('1')
    await step.getByLabel('Unit').selectOption('days')
    await step.getByLabel('Follow-up message').fill('{firstName}, need a ride to the polls?')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.assertTextContains(page.getByRole('main'), 'Review and launch')
    await page.getByRole('button', { name: 'Launch' }).click()
    await page.assertTextContains(page.getByRole('main'), 'Launched: 2 contacts')

    // An automated answer for the whole organization.
    await mainNavigation(page).getByRole('link', { name: 'Auto answers' }).click()
    const form = page.locator('[data-rule-form="new"]')
    await form.getByLabel('Keywords').fill('VOTE')
    await form.getByLabel('Answer').fill(POLLING_PLACE)
    await form.getByRole('button', { name: 'Add rule' }).click()
    await page.assertTextContains(page.locator('[data-rule="VOTE"]'), 'answered 0 times')

    // The texter sends the first texts, one press each.
    const texting = await volunteerBrowser(browser, cleanup)
    await startTexting(texting, 'Get out the vote')
    const message = texting.getByLabel('Message')
    await texting.assertInputValue(message, first('Ana'))
    await message.focus()
    await texting.keyboard.press('Enter')
    await texting.assertInputValue(message, first('Bo'))
    await texting.assertTextContains(texting.locator('[data-progress]'), '1 sent · 1 to go')
    assert.equal(await sendLastCard(texting), 200)

    // A day and an hour later, nobody has replied: the follow-ups are due.
    clock.travel(25 * HOUR)
    await texting.reload()
    await texting.assertTextContains(texting.locator('[data-follow-up]'), 'Follow-up 1 of 1')
    await texting.assertInputValue(message, nudge('Ana'))
    await message.focus()
    await texting.keyboard.press('Enter')
    await texting.assertTextContains(texting.locator('[data-follow-up]'), 'Follow-up 1 of 1')
    await texting.assertInputValue(message, nudge('Bo'))
    // Enter is locked until the previous send is answered.
    await texting.assertVisible(texting.getByRole('button', { name: 'Send', exact: true }))
    assert.equal(await sendLastCard(texting), 200)

    // Ana texts the keyword while her thread is open: the answer arrives live.
    const anaHere = await CampaignContact.query()
      .where('contact_id', ana.id)
      .whereNot('campaign_id', spring.campaign.id)
      .firstOrFail()
    await texting.goto(urlFor('conversations.show', { id: anaHere.id }))
    await texting.assertVisible(texting.getByRole('heading', { name: 'Ana Voter' }))
    await listening(texting)
    await postFakeWebhook(account, fakeInbound(ana.phone, 'vote!'))
    const thread = texting.getByRole('list', { name: 'Texts' })
    await texting.assertTextContains(thread, 'vote!')
    await texting.assertTextContains(thread, POLLING_PLACE)
    await texting.assertTextContains(thread, 'Answered automatically by rule “VOTE”')
    assert.isTrue(await stayedLoaded(texting))

    // Who got what, exactly once: nothing to Cy or Dee, nothing in the first campaign.
    const theo = await User.findByOrFail('email', volunteer.email)
    assert.equal(texter.userId, theo.id)
    const outbound = await Message.query()
      .where('organization_id', organization.id)
      .where('direction', 'outbound')
      .orderBy('id')
    assert.deepEqual(
      outbound.map((text) => [text.to, text.purpose, text.body, text.campaignId, text.sentById]),
      [
        [ana.phone, 'campaign_initial', first('Ana'), anaHere.campaignId, theo.id],
        [bo.phone, 'campaign_initial', first('Bo'), anaHere.campaignId, theo.id],
        [ana.phone, 'campaign_follow_up', nudge('Ana'), anaHere.campaignId, theo.id],
        [bo.phone, 'campaign_follow_up', nudge('Bo'), anaHere.campaignId, theo.id],
        [ana.phone, 'auto_answer', POLLING_PLACE, anaHere.campaignId, null],
      ]
    )
    assert.lengthOf(await autoAnswersTo(ana.phone), 1)
    const inbound = await Message.query().where('direction', 'inbound')
    assert.deepEqual(
      inbound.map((text) => [text.from, text.body, text.campaignContactId]),
      [[ana.phone, 'vote!', anaHere.id]]
    )
  }).timeout(240_000)
})
