import { test } from '@japa/runner'
import type { BrowserContext, Page } from 'playwright'
import CampaignContact from '#models/campaign_contact'
import Contact from '#models/contact'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import Organization from '#models/organization'
import SurveyResponse from '#models/survey_response'
import Tag from '#models/tag'
import User from '#models/user'
import dispatcher from '#services/outbox/dispatcher'
import {
  anotherBrowser,
  createInvite,
  emptyDatabase,
  joinWithInvite,
  listening,
  mainNavigation,
  setUpInstance,
  stayedLoaded,
  volunteer,
  type Person,
} from '#tests/browser/support'
import { asleep, awake } from '#tests/helpers/texting'
import { urlFor } from '@adonisjs/core/services/url_builder'

const supervisor: Person = {
  fullName: 'Sam Supervisor',
  email: 'sam@example.org',
  password: 'porch-light-supervisor',
}

const ANA = '+14155550111'
const BO = '+14155550112'
const CY = '+14155550113'
const DANA = '+14155550114'
const CSV = [
  'First Name,Last Name,Cell Phone',
  `Ana,Lima,${ANA}`,
  `Bo,Chen,${BO}`,
  `Cy,Diaz,${CY}`,
  `Dana,Fox,${DANA}`,
].join('\r\n')

const greeting = (firstName: string) =>
  `Hi ${firstName}, this is Theo with Riverside Tenants Union. Reply STOP to opt out`

/** Joins through `url`; each lands on their home (texters: texting, organizers: the overview). */
async function signInAs(context: BrowserContext, person: Person, url: string, home: string) {
  const page = await joinWithInvite(context, url, person)
  await page.assertPath(home)
  return page
}

/** A JSON step of the send screen, as the screen itself sends it (session cookie and CSRF). */
async function sendStep(context: BrowserContext, page: Page, path: string, data: object) {
  const cookies = await context.cookies()
  const xsrf = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')!.value
  return page.request.post(path, {
    headers: { 'Accept': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(xsrf) },
    data,
  })
}

test.group('Texting | the whole flow in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('set up, launch, send every first text, a live reply, survey, canned response, tag, opt-out, texting hours, review and reassign', async ({
    assert,
    browser,
    browserContext,
    cleanup,
  }) => {
    // The owner: the instance, a fake carrier account, contacts from a file.
    const ownerPage = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const organization = await Organization.findByOrFail('name', 'Riverside Tenants Union')
    ownerPage.on('dialog', (dialog) => dialog.accept())

    await mainNavigation(ownerPage).getByRole('link', { name: 'Providers' }).click()
    await ownerPage.getByRole('link', { name: 'Add a provider account' }).click()
    await ownerPage
      .getByLabel('Provider')
      .selectOption({ label: 'Fake carrier (development and demos)' })
    await ownerPage.getByLabel('Name (for you)').fill('Demo carrier')
    await ownerPage.getByLabel('Signing secret').fill('a-long-enough-signing-secret')
    await ownerPage.getByLabel('Sender numbers').fill('+12025550100')
    await ownerPage.getByRole('button', { name: 'Add account' }).click()
    await ownerPage.assertTextContains(ownerPage.getByRole('status'), 'Paste its webhook URLs')

    await mainNavigation(ownerPage).getByRole('link', { name: 'Contacts' }).click()
    await ownerPage.getByRole('link', { name: 'Import contacts' }).click()
    await ownerPage.getByLabel('CSV file').setInputFiles({
      name: 'canvass.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    })
    await ownerPage.getByRole('button', { name: 'Upload and check columns' }).click()
    await ownerPage.getByLabel('Add the contacts to the list').fill('Canvass')
    await ownerPage.getByRole('button', { name: 'Start import' }).click()
    await ownerPage.assertVisible(ownerPage.getByRole('heading', { name: 'Import finished' }))
    await ownerPage.assertTextContains(ownerPage.locator('[data-count="created"]'), '4')

    // Where people live decides their texting hours, and the test must not depend on the
    // clock: three live where it is midday now, Dana where it is three in the morning.
    await Contact.query().where('organization_id', organization.id).update({ timezone: awake() })
    await Contact.query().where('phone', DANA).update({ timezone: asleep() })
    await Tag.create({ organizationId: organization.id, name: 'Needs a ride', escalates: false })

    // The campaign, with a survey question and a canned response.
    await mainNavigation(ownerPage).getByRole('link', { name: 'Campaigns' }).click()
    await ownerPage.getByRole('link', { name: 'New campaign' }).first().click()
    await ownerPage.getByLabel('Name').fill('Saturday canvass')
    await ownerPage.getByRole('button', { name: 'Next' }).click()
    await ownerPage.getByLabel('Canvass').first().check()
    await ownerPage.assertTextContains(
      ownerPage.locator('[data-live-count]'),
      'Audience: 4 contacts'
    )
    await ownerPage.getByRole('button', { name: '6. Script' }).click()
    await ownerPage
      .getByLabel('Message', { exact: true })
      .fill('Hi {firstName}, this is {texterName} with {orgName}. Reply STOP to opt out')
    await ownerPage.getByRole('button', { name: 'Add a question' }).click()
    await ownerPage.getByLabel('Question').fill('Can you come on Saturday?')
    await ownerPage.getByRole('button', { name: 'Add answer' }).click()
    await ownerPage.getByLabel('Answer', { exact: true }).fill('Yes')
    await ownerPage.getByLabel('Follow-up script').fill('Great, {firstName}! See you at 10.')
    await ownerPage.getByRole('button', { name: 'Add a canned response' }).click()
    const canned = ownerPage.locator('[data-canned]')
    await canned.getByLabel('Title').fill('Address')
    await canned.getByLabel('Text', { exact: true }).fill('We meet at 12 Elm St, {firstName}.')
    await ownerPage.getByRole('button', { name: 'Save draft' }).click()
    await ownerPage.assertTextContains(ownerPage.getByRole('main'), 'Review and launch')
    await ownerPage.getByRole('button', { name: 'Launch' }).click()
    await ownerPage.assertTextContains(ownerPage.getByRole('main'), 'Launched: 4 contacts')

    // A volunteer joins by invite in a browser of their own and claims a batch.
    const texterInvite = await createInvite(ownerPage, 'texter')
    const texterContext = await anotherBrowser(browser)
    cleanup(() => texterContext.close())
    const page = await signInAs(texterContext, volunteer, texterInvite, '/texting')
    const theo = await User.findByOrFail('email', volunteer.email)

    await mainNavigation(page).getByRole('link', { name: 'Texting' }).click()
    const card = page.locator('[data-campaign]', { hasText: 'Saturday canvass' })
    await card.getByRole('button', { name: 'Start texting' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Saturday canvass' }))

    // Every first text with Enter: holding it down sends one, each press sends the next.
    const message = page.getByLabel('Message')
    await page.assertInputValue(message, greeting('Ana'))
    await message.focus()
    for (let press = 0; press < 8; press++) await page.keyboard.down('Enter')
    await page.keyboard.up('Enter')
    const progress = page.locator('[data-progress]')
    await page.assertInputValue(message, greeting('Bo'))
    // The screen takes the next press once the last send is answered.
    await page.assertTextContains(progress, '1 sent · 3 to go')
    await page.keyboard.press('Enter')
    await page.assertInputValue(message, greeting('Cy'))
    await page.assertTextContains(progress, '2 sent · 2 to go')
    await page.keyboard.press('Enter')
    // Dana is asleep: the screen does not offer her and says when texting resumes.
    await page.assertTextContains(page.locator('[data-empty]'), 'Nobody you hold can be texted')
    await page.assertTextContains(page.locator('[data-resume]'), 'you can resume at')
    await page.assertTextContains(progress, '3 sent · 1 to go')

    const contacts = await Contact.query().where('organization_id', organization.id)
    const campaignContacts = await CampaignContact.query().where('organization_id', organization.id)
    const byPhone = (phone: string) => {
      const contact = contacts.find((row) => row.phone === phone)!
      return campaignContacts.find((row) => row.contactId === contact.id)!
    }
    const firstTexts = await Message.query()
      .where('purpose', 'campaign_initial')
      .where('organization_id', organization.id)
      .orderBy('id')
    assert.deepEqual(
      firstTexts.map((text) => [text.to, text.body, text.sentById]),
      [ANA, BO, CY].map((phone, index) => [phone, greeting(['Ana', 'Bo', 'Cy'][index]), theo.id])
    )

    // The server refuses Dana too, whatever the screen shows.
    const dana = byPhone(DANA)
    const refused = await sendStep(
      texterContext,
      page,
      urlFor('texting.send', { id: dana.campaignId }),
      { campaignContactId: dana.id, idempotencyKey: 'press-for-dana' }
    )
    assert.equal(refused.status(), 422)
    const refusal = await refused.json()
    assert.include(refusal.errors[0].message, 'Outside texting hours')
    assert.lengthOf(await Message.query().where('campaign_contact_id', dana.id), 0)

    // The texts reach the fake phones; Ana answers from the Phones page.
    await dispatcher.drainOnce()
    await mainNavigation(page).getByRole('link', { name: 'Conversations' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Conversations' }))
    await listening(page)

    await mainNavigation(ownerPage).getByRole('link', { name: 'Phones' }).click()
    await ownerPage.getByRole('link', { name: ANA }).click()
    await ownerPage.assertTextContains(ownerPage.getByRole('list', { name: 'Texts' }), 'Hi Ana')
    await ownerPage.getByLabel(`Reply as ${ANA}`).fill('Yes! What time?')
    await ownerPage.getByRole('button', { name: 'Send reply' }).click()
    await ownerPage.assertTextContains(ownerPage.getByRole('status'), `Sent as ${ANA}.`)

    // It shows up in the volunteer's list without a reload.
    const ana = byPhone(ANA)
    const row = page.locator(`[data-conversation="${ana.id}"]`)
    await page.assertTextContains(row, 'Yes! What time?')
    assert.isTrue(await stayedLoaded(page))

    // The survey answer fills the box with its follow-up; a canned response; Enter sends.
    await row.getByRole('link').click()
    await page.assertVisible(page.getByRole('heading', { name: 'Ana Lima' }))
    const thread = page.getByRole('list', { name: 'Texts' })
    await page.assertTextContains(thread, 'Yes! What time?')
    const box = page.getByLabel('Message')
    const question = page.getByRole('group', { name: 'Can you come on Saturday?' })
    await question.getByRole('button', { name: /Yes/ }).click()
    await page.assertInputValue(box, 'Great, Ana! See you at 10.')
    await page.assertVisible(question.getByRole('button', { name: /Yes/, pressed: true }))
    const answers = await SurveyResponse.query().where('campaign_contact_id', ana.id)
    assert.deepEqual(
      answers.map((answer) => answer.value),
      ['Yes']
    )

    await page
      .getByRole('list', { name: 'Canned responses' })
      .getByRole('button', { name: /Address/ })
      .click()
    await page.assertInputValue(box, 'We meet at 12 Elm St, Ana.')
    await box.focus()
    await page.keyboard.press('Enter')
    await page.assertInputValue(box, '')
    await page.assertTextContains(thread, 'We meet at 12 Elm St, Ana.')
    const outbound = await Message.query()
      .where('campaign_contact_id', ana.id)
      .where('direction', 'outbound')
      .orderBy('id')
    assert.deepEqual(
      outbound.map((text) => [text.body, text.sentById]),
      [
        [greeting('Ana'), theo.id],
        ['We meet at 12 Elm St, Ana.', theo.id],
      ]
    )

    // A tag, then Ana is opted out (with the confirmation text).
    await page
      .getByRole('list', { name: 'Tags' })
      .getByRole('button', { name: /Needs a ride/ })
      .click()
    await page.assertVisible(page.getByRole('button', { name: /Needs a ride/, pressed: true }))
    await page.getByRole('button', { name: 'Opt out…' }).click()
    await page.getByRole('button', { name: 'Opt out and send the confirmation text' }).click()
    await page.assertTextContains(page.locator('[data-conversation-status]'), 'Opted out')
    assert.isNotNull(
      await OptOut.query().where('organization_id', organization.id).where('phone', ANA).first()
    )

    // A supervisor reviews the campaign and takes over Bo's conversation.
    const supervisorInvite = await createInvite(ownerPage, 'supervisor')
    const supervisorContext = await anotherBrowser(browser)
    cleanup(() => supervisorContext.close())
    const review = await signInAs(supervisorContext, supervisor, supervisorInvite, '/dashboard')
    await mainNavigation(review).getByRole('link', { name: 'Campaigns' }).click()
    // The overview links the campaign too (to its report): wait for the campaigns list.
    await review.assertVisible(review.getByRole('heading', { name: 'Campaigns', level: 1 }))
    await review.getByRole('link', { name: 'Saturday canvass' }).first().click()
    await review.getByRole('link', { name: 'Review conversations' }).first().click()
    await review.assertVisible(review.getByRole('heading', { name: 'Review conversations' }))
    const anaRow = review.locator(`[data-conversation="${ANA}"]`)
    await review.assertTextContains(anaRow, 'Needs a ride')
    const boRow = review.locator(`[data-conversation="${BO}"]`)
    await review.assertTextContains(boRow.locator('[data-texter]'), volunteer.fullName)

    await review.getByLabel('Select Bo Chen').check()
    await review.getByLabel('Reassign to').selectOption({ label: supervisor.fullName })
    await review.getByRole('button', { name: 'Reassign' }).click()
    await review.assertTextContains(boRow.locator('[data-texter]'), supervisor.fullName)
    const sam = await User.findByOrFail('email', supervisor.email)
    const bo = await CampaignContact.findOrFail(byPhone(BO).id)
    assert.equal(bo.assignedUserId, sam.id)
  }).timeout(240_000)
})
