import { test } from '@japa/runner'
import Message from '#models/message'
import ProviderAccount from '#models/provider_account'
import SurveyResponse from '#models/survey_response'
import Tag from '#models/tag'
import {
  anotherBrowser,
  emptyDatabase,
  listening,
  mainNavigation,
  ownerAndTexter,
  setUpInstance,
  signIn,
  stayedLoaded,
  volunteer,
} from '#tests/browser/support'
import { GOOD_MESSAGE } from '#tests/helpers/campaigns'
import { createActiveCampaign, createConversation, SURVEY } from '#tests/helpers/conversations'
import { fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Conversations | in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('replies appear live; survey answers, canned responses, Send, tags, close and opt out', async ({
    assert,
    browser,
    browserContext,
    cleanup,
  }) => {
    await setUpInstance(browserContext, 'Riverside Tenants Union')
    const { organizer, texter } = await ownerAndTexter()
    const campaign = await createActiveCampaign(organizer, {
      name: 'Saturday canvass',
      script: {
        initial: [{ body: GOOD_MESSAGE }],
        steps: SURVEY,
        cannedResponses: [{ title: 'Polling place', body: 'Find yours at vote.org, {firstName}.' }],
      },
    })
    await Tag.create({
      organizationId: organizer.organizationId,
      name: 'Follow up',
      escalates: true,
    })
    const { contact, conversation } = await createConversation(texter, { campaign })
    const account = await ProviderAccount.findOrFail(campaign.providerAccountId)

    const context = await anotherBrowser(browser)
    cleanup(() => context.close())
    const page = await context.visit(urlFor('session.create'))
    await signIn(page, volunteer)
    await page.assertPath('/texting')

    // The list: empty, then the reply arrives without a reload.
    await mainNavigation(page).getByRole('link', { name: 'Conversations' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Conversations' }))
    await page.assertTextContains(page.getByRole('main'), 'Nobody is waiting on a reply from you.')
    await listening(page)
    await postFakeWebhook(account, fakeInbound(contact.phone, 'Who is this? <b>hi</b>'))
    const row = page.locator(`[data-conversation="${conversation.id}"]`)
    await page.assertTextContains(row, 'Who is this? <b>hi</b>')
    await page.assertTextContains(page.locator('[data-needs-reply-badge]'), '1')
    assert.isTrue(await stayedLoaded(page))

    // The thread: the next reply appears in it live too.
    await row.getByRole('link').click()
    await page.assertVisible(page.getByRole('heading', { name: 'Ada Byron' }))
    await listening(page)
    await postFakeWebhook(account, fakeInbound(contact.phone, 'Yes, I will vote'))
    const thread = page.getByRole('list', { name: 'Texts' })
    await page.assertTextContains(thread, 'Yes, I will vote')
    assert.isTrue(await stayedLoaded(page))
    await page.assertTextContains(page.getByRole('main'), 'Alt+C, 1–9')

    // Answer 1 of the survey's question from the keyboard: recorded, follow-up in the box.
    const box = page.getByLabel('Message')
    await page.keyboard.press('Escape')
    await box.blur()
    await page.keyboard.press('Digit1')
    await page.assertInputValue(box, 'Great, Ada! Need a ride?')
    await page.assertVisible(page.getByRole('group', { name: 'Need a ride?' }))
    const [answer] = await SurveyResponse.query().where('campaign_contact_id', conversation.id)
    assert.equal(answer.value, 'Yes')

    // A canned response replaces it; Enter sends it.
    await box.focus()
    await page.keyboard.press('Alt+KeyC')
    await page.keyboard.press('Digit1')
    await page.assertInputValue(box, 'Find yours at vote.org, Ada.')
    await page.keyboard.press('Enter')
    await page.assertInputValue(box, '')
    await page.assertTextContains(thread, 'Find yours at vote.org, Ada.')
    const replies = await Message.query()
      .where('campaign_contact_id', conversation.id)
      .whereNotNull('idempotency_key')
    assert.lengthOf(replies, 1)
    assert.equal(replies[0].sentById, texter.userId)

    // Tag it (the tag escalates), then close it, from the keyboard.
    await page.keyboard.press('Alt+KeyT')
    await page.keyboard.press('Digit1')
    await page.assertVisible(page.getByRole('button', { name: /Follow up/, pressed: true }))
    await page.assertTextContains(page.getByRole('main'), 'Escalated')
    await page.keyboard.press('Alt+KeyX')
    await page.assertTextContains(page.locator('[data-conversation-status]'), 'Closed')

    // Opt out without the confirmation text; the page says why it ended.
    await page.getByRole('button', { name: 'Opt out…' }).click()
    await page.getByRole('button', { name: 'Opt out without a text' }).click()
    await page.assertTextContains(page.locator('[data-conversation-status]'), 'Opted out')
    await page.assertTextContains(page.locator('[data-opt-out]'), 'by a texter')
    await page.assertVisible(page.getByRole('button', { name: 'Send', disabled: true }))
  })
})
