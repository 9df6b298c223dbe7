import { test } from '@japa/runner'
import ProviderAccount from '#models/provider_account'
import {
  emptyDatabase,
  listening,
  mainNavigation,
  ownerAndTexter,
  setUpInstance,
  stayedLoaded,
} from '#tests/browser/support'
import { createActiveCampaign, createConversation } from '#tests/helpers/conversations'
import { fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Auto answers | in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an admin adds a rule, tries it, and a keyword reply is answered live in the thread', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const { organizer, texter } = await ownerAndTexter()
    const campaign = await createActiveCampaign(organizer, { name: 'Saturday canvass' })
    const { contact, conversation } = await createConversation(texter, { campaign })
    const account = await ProviderAccount.findOrFail(campaign.providerAccountId)

    await mainNavigation(page).getByRole('link', { name: 'Auto answers' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Auto answers', level: 1 }))
    const form = page.locator('[data-rule-form="new"]')
    await form.getByLabel('Keywords').fill('YES, Y')
    await form.getByLabel('Answer').fill('Thanks {firstName}, see you Saturday!')
    await form.getByLabel('Campaign').selectOption({ label: 'Saturday canvass' })
    await form.getByRole('button', { name: 'Add rule' }).click()
    const rule = page.locator('[data-rule="YES, Y"]')
    await page.assertTextContains(rule, 'Saturday canvass')
    await page.assertTextContains(rule, 'answered 0 times')

    // Trying a message shows the rule and its answer, and sends nothing.
    await page.locator('#try-body').fill('  yes! ')
    await page.getByLabel('In a conversation of').selectOption({ label: 'Saturday canvass' })
    await page.getByRole('button', { name: 'Try' }).click()
    await page.assertTextContains(page.locator('[data-try-outcome]'), 'YES, Y')
    await page.assertTextContains(
      page.locator('[data-try-answer]'),
      'Thanks {firstName}, see you Saturday!'
    )

    // The person texts the keyword: the answer appears in the open thread without a reload.
    await page.goto(urlFor('conversations.show', { id: conversation.id }))
    await page.assertVisible(page.getByRole('heading', { name: 'Ada Byron' }))
    await listening(page)
    await postFakeWebhook(account, fakeInbound(contact.phone, 'Yes'))
    const thread = page.getByRole('list', { name: 'Texts' })
    await page.assertTextContains(thread, 'Thanks Ada, see you Saturday!')
    await page.assertTextContains(thread, 'Answered automatically by rule “YES, Y”')
    assert.isTrue(await stayedLoaded(page))
  })
})
