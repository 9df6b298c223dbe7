import { test } from '@japa/runner'
import type { Page } from 'playwright'
import ProviderAccount from '#models/provider_account'
import {
  anotherBrowser,
  emptyDatabase,
  listening,
  markLoaded,
  ownerAndTexter,
  setUpInstance,
  signIn,
  slowSubscriptions,
  stayedLoaded,
  volunteer,
} from '#tests/browser/support'
import { createActiveCampaign, createConversation } from '#tests/helpers/conversations'
import { fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** A campaign with one conversation the texter holds (first text sent, no reply yet). */
async function conversationWaiting() {
  const { organizer, texter } = await ownerAndTexter()
  const campaign = await createActiveCampaign(organizer, { name: 'Saturday canvass' })
  const { contact, conversation } = await createConversation(texter, { campaign })
  const account = await ProviderAccount.findOrFail(campaign.providerAccountId)
  const reply = (body: string) => postFakeWebhook(account, fakeInbound(contact.phone, body))
  return { campaign, contact, conversation, reply }
}

/**
 * The page asks to subscribe; while the server has not accepted yet, `arrive`
 * brings a reply (stored and pushed: to nobody on this page's channel yet).
 * Then the subscription goes through.
 */
async function replyWhileSubscribing(
  page: Page,
  slow: Awaited<ReturnType<typeof slowSubscriptions>>,
  arrive: () => Promise<unknown>
) {
  const accept = await slow.next()
  await markLoaded(page)
  await arrive()
  accept()
  await page.locator('[data-live="ready"]').waitFor()
}

test.group('Live updates | a reply during a slow subscription', (group) => {
  group.each.setup(() => emptyDatabase())

  test('the texting home, the conversations list and the thread still show it', async ({
    assert,
    browser,
    browserContext,
    cleanup,
  }) => {
    await setUpInstance(browserContext, 'Riverside Tenants Union')
    const { conversation, reply } = await conversationWaiting()
    const context = await anotherBrowser(browser)
    cleanup(() => context.close())
    const page = await context.visit(urlFor('session.create'))
    const slow = await slowSubscriptions(page)
    await signIn(page, volunteer)

    // The texting home: nothing to do, until the reply that came during the subscription.
    await page.assertPath('/texting')
    const nothing = page.locator('[data-nothing-to-text]')
    await page.assertTextContains(nothing, 'Nothing to text right now')
    await page.assertTextContains(nothing, 'Every contact in the open campaigns already has')
    await replyWhileSubscribing(page, slow, () => reply('Who is this?'))
    await page.assertTextContains(
      page.locator('[data-replies-waiting]'),
      '1 person is waiting on your reply'
    )
    const card = page.locator('[data-campaign="Saturday canvass"]')
    await page.assertTextContains(card.locator('[data-needs-reply]'), '1 waiting for your reply')
    await page.assertNotExists(nothing)
    assert.isTrue(await stayedLoaded(page))

    // The conversations list.
    await page.goto(urlFor('conversations.index'))
    const row = page.locator(`[data-conversation="${conversation.id}"]`)
    await page.assertTextContains(row, 'Who is this?')
    await replyWhileSubscribing(page, slow, () => reply('I live on Elm Street'))
    await page.assertTextContains(row.locator('[data-latest]'), 'I live on Elm Street')
    assert.isTrue(await stayedLoaded(page))

    // The thread.
    await page.goto(urlFor('conversations.show', { id: conversation.id }))
    const thread = page.getByRole('list', { name: 'Texts' })
    await page.assertTextContains(thread, 'I live on Elm Street')
    await replyWhileSubscribing(page, slow, () => reply('Is the meeting still on?'))
    await page.assertTextContains(thread, 'Is the meeting still on?')
    assert.isTrue(await stayedLoaded(page))
  })

  test('a page that joins a subscription kept open still shows a reply heard on the way to it', async ({
    assert,
    browser,
    browserContext,
    cleanup,
  }) => {
    await setUpInstance(browserContext, 'Riverside Tenants Union')
    const { conversation, reply } = await conversationWaiting()
    const context = await anotherBrowser(browser)
    cleanup(() => context.close())
    const page = await context.visit(urlFor('session.create'))
    await signIn(page, volunteer)
    await page.assertPath('/texting')
    await page.goto(urlFor('conversations.show', { id: conversation.id }))
    await listening(page)

    // Back to the list: the server reads the list, then the reply comes and
    // reaches the tab (the thread, still on screen, reloads for it) before
    // the list's data does. The list takes over the thread's subscription.
    await page.route(
      (url) => url.pathname === '/conversations',
      async (route) => {
        const stale = await route.fetch()
        const heard = page.waitForRequest(
          (request) =>
            new URL(request.url()).pathname === `/conversations/${conversation.id}` &&
            Boolean(request.headers()['x-inertia-partial-data'])
        )
        await reply('Running late, sorry')
        await heard
        await route.fulfill({ response: stale })
      },
      { times: 1 }
    )
    await page.getByRole('link', { name: '← Conversations' }).click()
    await page.assertPath('/conversations')
    const row = page.locator(`[data-conversation="${conversation.id}"]`)
    await page.assertTextContains(row.locator('[data-latest]'), 'Running late, sorry')
    assert.isTrue(await stayedLoaded(page))
  })

  test('the review page still shows it', async ({ assert, browserContext }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const { campaign, contact, reply } = await conversationWaiting()
    const slow = await slowSubscriptions(page)

    await page.goto(urlFor('campaign_reviews.index', { id: campaign.id }))
    const row = page.locator(`[data-conversation="${contact.phone}"]`)
    await page.assertTextContains(row, 'Texted, no reply')
    await replyWhileSubscribing(page, slow, () => reply('Count me in'))
    await page.assertTextContains(row, 'Count me in')
    await page.assertTextContains(row, 'Needs a reply')
    assert.isTrue(await stayedLoaded(page))
  })
})
