import { test } from '@japa/runner'
import { Secret, TOTP } from 'otpauth'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { clock } from '#services/clock'
import { useSessionStore } from '#tests/helpers/browser_session'
import { anotherBrowser, emptyDatabase, owner, setUpInstance, signIn } from '#tests/browser/support'

/** What an authenticator app holding `secret` shows now. */
function codeFor(secret: string) {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: clock.now().getTime(),
  })
}

test.group('Two-factor sign-in in the browser', (group) => {
  group.each.setup(() => emptyDatabase())
  group.each.teardown(() => clock.reset())

  test('a person sets it up, signs out, and signs in with password and code', async ({
    assert,
    browserContext,
  }) => {
    // The QR image is a data URL, which the Content-Security-Policy allows for images.
    const policyMessages: string[] = []
    browserContext.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) policyMessages.push(message.text())
    })
    const page = await setUpInstance(browserContext, 'Riverside Union')

    await page.goto(urlFor('profile.edit'))
    await page.getByRole('link', { name: 'Two-factor sign-in' }).click()
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
    await page.assertVisible(
      page.getByRole('img', { name: 'QR code to add Porchlight to an authenticator app' })
    )
    const qr = page.getByRole('img', { name: 'QR code to add Porchlight to an authenticator app' })
    assert.isAbove(
      await qr.evaluate<number, { naturalWidth: number }>((img) => img.naturalWidth),
      0
    )
    assert.deepEqual(policyMessages, [])
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim()
    await page.getByLabel('Code from the app').fill(codeFor(secret))
    await page.getByRole('button', { name: 'Turn on' }).click()
    await page.assertTextContains(page.getByTestId('recovery-codes'), '-')
    await page.assertVisible(page.getByText('Your account asks for a code at every sign-in.'))

    await page.getByRole('button', { name: 'Sign out' }).first().click()
    await page.assertPath('/login')
    await signIn(page, owner)
    await page.assertPath('/login/two-factor')
    // A code works once: the app shows the next one 30 seconds later.
    clock.travel(30_000)
    await page.getByLabel('Code').fill(codeFor(secret))
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.assertPath('/dashboard')
  })
})

test.group('Sessions page in the browser', (group) => {
  group.each.setup(() => emptyDatabase())
  // The tests otherwise keep sessions in memory, which cannot list them.
  group.each.setup(() => useSessionStore('database'))

  test('a person signs out another of their browsers', async ({
    assert,
    browser,
    browserContext,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Union')
    const phone = await anotherBrowser(browser)
    const phonePage = await phone.newPage()
    await phonePage.goto(urlFor('session.create'))
    await signIn(phonePage, owner)
    await phonePage.waitForURL('**/dashboard')

    await page.goto(urlFor('profile.edit'))
    await page.getByRole('link', { name: 'Sessions' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Sessions' }))
    await page.assertVisible(page.getByText('(this browser)'))
    assert.equal(await page.getByRole('row').count(), 3)
    await page.getByRole('button', { name: 'Sign out', exact: true }).last().click()
    await page.assertTextContains(page.getByRole('status'), 'That browser is signed out')
    assert.equal(await page.getByRole('row').count(), 2)

    await phonePage.goto(urlFor('profile.edit'))
    await phonePage.waitForURL('**/login')
    await phone.close()
  })
})
