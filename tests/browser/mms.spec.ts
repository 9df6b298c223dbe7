import { test } from '@japa/runner'
import sharp from 'sharp'
import type { Locator, Page } from 'playwright'
import Organization from '#models/organization'
import MessageMedia from '#models/message_media'
import Message from '#models/message'
import dispatcher from '#services/outbox/dispatcher'
import { createContact, createList } from '#tests/helpers/contacts'
import { createFakeAccount } from '#tests/helpers/messaging'
import { awake } from '#tests/helpers/texting'
import {
  emptyDatabase,
  listening,
  mainNavigation,
  ownerAndTexter,
  setUpInstance,
  startTexting,
  stayedLoaded,
  volunteerBrowser,
} from '#tests/browser/support'

const ANA = '+14155550111'

/** A small real picture, made the way a phone or a design tool would hand it over. */
function picture(format: 'png' | 'jpeg', width: number, height: number, color: string) {
  const image = sharp({ create: { width, height, channels: 3, background: color } })
  return (format === 'png' ? image.png() : image.jpeg()).toBuffer()
}

/** The parts of an <img> element the test reads (the tests are not compiled with the DOM's types). */
type Image = {
  currentSrc: string
  naturalWidth: number
  naturalHeight: number
  decode(): Promise<void>
}

/** The image's size once the browser has loaded and decoded it (fails when it cannot). */
function decoded(image: Locator) {
  return image.evaluate(async (element) => {
    const img = element as unknown as Image
    await img.decode()
    return { width: img.naturalWidth, height: img.naturalHeight }
  })
}

/** What the server answers for the image's address, with the page's own cookies. */
async function served(page: Page, image: Locator) {
  const source = await image.evaluate((element) => (element as unknown as Image).currentSrc)
  const response = await page.request.get(source)
  return { status: response.status(), contentType: response.headers()['content-type'] }
}

test.group('Pictures (MMS) in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('a flyer goes out with the first text, and a photo sent back shows live in the thread', async ({
    assert,
    browser,
    browserContext,
    cleanup,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const organization = await Organization.findByOrFail('name', 'Riverside Tenants Union')
    const list = await createList(organization.id, 'Building captains')
    await createContact(organization.id, {
      firstName: 'Ana',
      lastName: 'Lima',
      phone: ANA,
      timezone: awake(),
      lists: [list],
    })
    await createFakeAccount(organization.id)
    await ownerAndTexter()
    page.on('dialog', (dialog) => dialog.accept())

    // The organizer adds the flyer to the media library.
    await mainNavigation(page).getByRole('link', { name: 'Media' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Media library' }))
    await page.getByLabel('Picture', { exact: true }).setInputFiles({
      name: 'flyer.png',
      mimeType: 'image/png',
      buffer: await picture('png', 400, 300, '#d97706'),
    })
    await page.getByRole('button', { name: 'Upload' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Picture added to the library.')
    const inLibrary = page.getByRole('img', { name: 'flyer.png' })
    await page.assertVisible(inLibrary)
    await page.assertTextContains(page.locator('[data-media="flyer.png"]'), 'PNG · 400×300')
    assert.deepEqual(await decoded(inLibrary), { width: 400, height: 300 })
    assert.deepEqual(await served(page, inLibrary), { status: 200, contentType: 'image/png' })

    // It is attached to the first text in the campaign builder, and the campaign launched.
    await mainNavigation(page).getByRole('link', { name: 'Campaigns' }).click()
    await page.getByRole('link', { name: 'New campaign' }).first().click()
    await page.getByLabel('Name').fill('Tenant meeting flyer')
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByLabel('Building captains').first().check()
    await page.getByRole('button', { name: '6. Script' }).click()
    await page
      .getByLabel('Message', { exact: true })
      .fill('Hi {firstName}, {orgName} meets Thursday, flyer attached. Reply STOP to opt out')
    const variant = page.locator('[data-variant]')
    await variant.getByLabel('Attach a picture').selectOption({ label: 'flyer.png' })
    await page.assertVisible(
      variant.locator('[data-picture-picker]').getByRole('img', { name: 'flyer.png' })
    )
    const mms = variant.locator('[data-mms]')
    await page.assertTextContains(mms, 'MMS · 1 picture and')
    await page.assertTextContains(mms, 'sent as one picture message')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.assertTextContains(page.getByRole('main'), 'Review and launch')
    const reviewed = page.locator('[data-variant]').getByRole('img', { name: 'flyer.png' })
    await page.assertVisible(reviewed)
    assert.deepEqual(await decoded(reviewed), { width: 400, height: 300 })
    await page.getByRole('button', { name: 'Launch' }).click()
    await page.assertTextContains(page.getByRole('main'), 'Launched: 1 contacts')

    // The texter sends the first text from the send screen, in a browser of their own.
    const texting = await volunteerBrowser(browser, cleanup)
    await startTexting(texting, 'Tenant meeting flyer')
    const message = texting.getByLabel('Message')
    await texting.assertInputValue(
      message,
      'Hi Ana, Riverside Tenants Union meets Thursday, flyer attached. Reply STOP to opt out'
    )
    const onCard = texting.locator('[data-contact]').getByRole('img', { name: 'flyer.png' })
    await texting.assertVisible(onCard)
    assert.deepEqual(await decoded(onCard), { width: 400, height: 300 })
    await texting.getByRole('button', { name: 'Send', exact: true }).click()
    await texting.assertTextContains(texting.locator('[data-empty]'), 'You have texted everyone')
    await dispatcher.drainOnce()
    const [firstText] = await Message.query().where('purpose', 'campaign_initial')
    assert.equal(firstText.status, 'sent')

    // The fake phone received the flyer with the text.
    await mainNavigation(page).getByRole('link', { name: 'Phones' }).click()
    await page.getByRole('link', { name: ANA }).click()
    await page.assertVisible(page.getByRole('heading', { name: ANA }))
    const phoneTexts = page.getByRole('list', { name: 'Texts' })
    const received = phoneTexts.locator('[data-direction="to_phone"]')
    await page.assertTextContains(received, 'Hi Ana, Riverside Tenants Union meets Thursday')
    const onPhone = received.getByRole('img', { name: 'Picture' })
    await page.assertVisible(onPhone)
    assert.deepEqual(await decoded(onPhone), { width: 400, height: 300 })
    assert.deepEqual(await served(page, onPhone), { status: 200, contentType: 'image/png' })

    // The texter opens the conversation and sees the flyer they sent.
    await mainNavigation(texting).getByRole('link', { name: 'Conversations' }).click()
    await texting.assertVisible(texting.getByRole('heading', { name: 'Conversations' }))
    await texting.getByRole('button', { name: 'All', exact: true }).click()
    await texting.getByRole('link', { name: /Ana Lima/ }).click()
    await texting.assertVisible(texting.getByRole('heading', { name: 'Ana Lima' }))
    const thread = texting.getByRole('list', { name: 'Texts' })
    const sent = thread.locator('[data-direction="outbound"]')
    await texting.assertVisible(sent.getByRole('img', { name: 'Picture 1' }))
    await listening(texting)

    // Ana answers with a photo from the Phones page.
    await page.getByLabel(`Reply as ${ANA}`).fill('Here is the broken heater')
    await page.getByLabel('Picture (optional)').setInputFiles({
      name: 'heater.jpg',
      mimeType: 'image/jpeg',
      buffer: await picture('jpeg', 1200, 900, '#1d4ed8'),
    })
    await page.getByRole('button', { name: 'Send reply' }).click()
    await page.assertTextContains(page.getByRole('status'), `Sent as ${ANA}.`)
    const answered = phoneTexts.locator('[data-direction="from_phone"]')
    await page.assertTextContains(answered, 'Here is the broken heater')
    await page.assertVisible(answered.getByRole('img', { name: 'Picture' }))

    // The texter's open thread shows the photo as a thumbnail, without a reload.
    const reply = thread.locator('[data-direction="inbound"]')
    await texting.assertTextContains(reply, 'Here is the broken heater')
    const thumbnail = reply.getByRole('img', { name: 'Picture 1' })
    await texting.assertVisible(thumbnail)
    assert.isTrue(await stayedLoaded(texting))
    assert.deepEqual(await decoded(thumbnail), { width: 1200, height: 900 })
    assert.deepEqual(await served(texting, thumbnail), { status: 200, contentType: 'image/jpeg' })
    const shown = (await thumbnail.boundingBox())!
    assert.isAtMost(shown.width, 192)
    const [stored] = await MessageMedia.query()
      .join('messages', 'messages.id', 'message_media.message_id')
      .where('messages.direction', 'inbound')
      .select('message_media.*')
    assert.equal(stored.status, 'ready')

    // It opens full size in a tab of its own.
    const opened = texting.context().waitForEvent('page')
    await reply.getByRole('link', { name: 'Picture 1' }).click()
    const full = await opened
    await full.waitForLoadState()
    const fullSize = await full.evaluate(() => {
      const { document } = globalThis as unknown as {
        document: { contentType: string; images: Image[] }
      }
      const [image] = document.images
      return {
        type: document.contentType,
        width: image?.naturalWidth,
        height: image?.naturalHeight,
      }
    })
    assert.deepEqual(fullSize, { type: 'image/jpeg', width: 1200, height: 900 })
  }).timeout(120_000)
})
