import { test } from '@japa/runner'
import Organization from '#models/organization'
import Message from '#models/message'
import FollowUpStep from '#models/follow_up_step'
import { clock } from '#services/clock'
import { createContact, createList } from '#tests/helpers/contacts'
import { createFakeAccount } from '#tests/helpers/messaging'
import { awake } from '#tests/helpers/texting'
import { emptyDatabase, mainNavigation, setUpInstance, startTexting } from '#tests/browser/support'

const HOUR = 3_600_000

const first = (name: string) =>
  `Hi ${name}, Riverside Tenants Union here: meeting tonight? Reply STOP to opt out`

test.group('Follow-up steps in the browser', (group) => {
  group.each.setup(() => emptyDatabase())
  group.each.teardown(() => clock.reset())

  test('an organizer adds a follow-up; once due the texter sends it from the send screen', async ({
    assert,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const organization = await Organization.findByOrFail('name', 'Riverside Tenants Union')
    const list = await createList(organization.id, 'Building captains')
    for (const firstName of ['Ana', 'Bo']) {
      await createContact(organization.id, { firstName, timezone: awake(), lists: [list] })
    }
    await createFakeAccount(organization.id)
    page.on('dialog', (dialog) => dialog.accept())

    await mainNavigation(page).getByRole('link', { name: 'Campaigns' }).click()
    await page.getByRole('link', { name: 'New campaign' }).first().click()
    await page.getByLabel('Name').fill('Rent strike check-in')
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByLabel('Building captains').first().check()
    await page.getByRole('button', { name: '6. Script' }).click()
    await page
      .getByLabel('Message', { exact: true })
      .fill('Hi {firstName}, {orgName} here: meeting tonight? Reply STOP to opt out')

    await page.getByRole('button', { name: 'Add a follow-up' }).click()
    const step = page.locator('[data-follow-up-step]')
    await step.getByLabel('After').fill('1')
    await step.getByLabel('Unit').selectOption('days')
    await step.getByLabel('Follow-up message').fill('Hi {firstName}, did you see our text?')
    await page.assertTextContains(step.locator('[data-preview]'), 'Hi Ana, did you see our text?')
    await page.getByRole('button', { name: 'Save draft' }).click()

    await page.assertTextContains(page.getByRole('main'), 'Review and launch')
    await page.getByRole('button', { name: 'Launch' }).click()
    await page.assertTextContains(page.getByRole('main'), 'Launched: 2 contacts')
    await page.assertTextContains(
      page.locator('[data-follow-ups]'),
      'Follow-up 1 · 1 day after the previous text · only if no reply'
    )
    const [saved] = await FollowUpStep.all()
    assert.containSubset(saved, { afterHours: 24, when: 'no_reply' })

    await mainNavigation(page).getByRole('link', { name: 'Texting' }).click()
    await startTexting(page, 'Rent strike check-in')
    const message = page.getByLabel('Message')
    await page.assertInputValue(message, first('Ana'))
    await message.focus()
    await page.keyboard.press('Enter')
    await page.assertInputValue(message, first('Bo'))
    await page.assertTextContains(page.locator('[data-progress]'), '1 sent · 1 to go')
    await page.keyboard.press('Enter')
    await page.assertTextContains(page.locator('[data-empty]'), 'You have texted everyone')

    clock.travel(25 * HOUR)
    await page.reload()
    await page.assertTextContains(page.locator('[data-follow-up]'), 'Follow-up 1 of 1')
    await page.assertInputValue(message, 'Hi Ana, did you see our text?')
    await message.focus()
    await page.keyboard.press('Enter')
    await page.assertInputValue(message, 'Hi Bo, did you see our text?')
    // Enter is locked until the previous send is answered.
    await page.assertVisible(page.getByRole('button', { name: 'Send', exact: true }))
    const answered = page.waitForResponse((response) => response.url().endsWith('/send'))
    await page.keyboard.press('Enter')
    await page.assertTextContains(page.locator('[data-empty]'), 'You have texted everyone')
    const lastSend = await answered
    assert.equal(lastSend.status(), 200)

    await page.goto(`/campaigns/${saved.campaignId}/report`)
    const funnel = page.locator('[data-funnel-step]')
    await page.assertTextContains(funnel.nth(0), 'First text')
    await page.assertTextContains(funnel.nth(1), 'Follow-up 1')
    await page.assertTextContains(funnel.nth(1), '2 texted · 0 replied · 0 opted out')

    const followUps = await Message.query().where('purpose', 'campaign_follow_up').orderBy('id')
    assert.deepEqual(
      followUps.map((text) => text.body),
      ['Hi Ana, did you see our text?', 'Hi Bo, did you see our text?']
    )
  })
})
