import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import User from '#models/user'
import { unsubscribeUrl } from '#services/notifications/unsubscribe'
import { anotherBrowser, emptyDatabase, owner, setUpInstance } from '#tests/browser/support'

test.group('Notification emails in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('a person chooses their emails, an admin previews them, a link unsubscribes', async ({
    browser,
    browserContext,
    assert,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Union')
    const user = await User.findByOrFail('email', owner.email)

    await page.goto(urlFor('profile.edit'))
    await page.assertVisible(page.getByRole('heading', { name: 'Emails' }))
    await page.getByLabel('When replies wait for my answer').uncheck()
    await page.getByRole('button', { name: 'Save email choices' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Your email choices are saved.')
    await user.refresh()
    assert.isFalse(user.emailReplyDigests)
    assert.isTrue(user.emailAssignments)
    await page.assertNotChecked(page.getByLabel('When replies wait for my answer'))

    await page.goto(urlFor('organization_settings.edit'))
    await page.getByRole('link', { name: 'Email previews' }).click()
    await page.assertPath('/settings/emails')
    await page.assertVisible(page.getByRole('heading', { name: 'Email previews' }))
    const spanishDigest = page.getByRole('region', { name: 'digest (es)' })
    await page.assertTextContains(spanishDigest, '3 respuestas esperan tu contestación')
    const frame = page.frameLocator('iframe[title="3 replies are waiting for your answer (HTML)"]')
    await page.assertVisible(frame.getByText('Ana García'))

    // Signed out, in another browser: the link from an email.
    const stranger = await anotherBrowser(browser)
    const link = new URL(unsubscribeUrl(user.id, 'assignment'))
    const visit = await stranger.newPage()
    await visit.goto(`${link.pathname}${link.search}`)
    await visit.getByText('Stop emails about new assignments?').waitFor()
    await visit.getByRole('button', { name: 'Unsubscribe' }).click()
    await visit.getByText('Done: you will get no more emails about new assignments.').waitFor()
    await stranger.close()
    await user.refresh()
    assert.isFalse(user.emailAssignments)
  })
})
