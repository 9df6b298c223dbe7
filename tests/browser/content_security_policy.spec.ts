import { test } from '@japa/runner'
import type { BrowserContext, Page } from 'playwright'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'

/**
 * Records every Content-Security-Policy violation the context's pages see, as
 * "directive blocked-uri" in `cspViolations` (page code, as text: this file
 * is type-checked without the DOM), and console messages about the policy.
 */
async function recordViolations(context: BrowserContext) {
  await context.addInitScript({
    content: `
      globalThis.cspViolations = []
      document.addEventListener('securitypolicyviolation', (event) => {
        globalThis.cspViolations.push(event.effectiveDirective + ' ' + event.blockedURI)
      })`,
  })
  const messages: string[] = []
  context.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) messages.push(message.text())
  })
  return messages
}

const violationsOn = (page: Page) => page.evaluate<string[]>('globalThis.cspViolations')

/** What an injected snippet would try: an inline script, then an inline event handler. */
const INJECTION = `(async () => {
  const script = document.createElement('script')
  script.textContent = 'globalThis.injected = true'
  document.body.append(script)
  const image = document.createElement('img')
  image.setAttribute('onerror', 'globalThis.injected = true')
  await new Promise((resolve) => {
    image.addEventListener('error', resolve)
    image.src = 'data:,'
    document.body.append(image)
  })
  return globalThis.injected === true
})()`

test.group('Content-Security-Policy in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('the app runs under the policy; a script slipped into the page does not', async ({
    assert,
    browserContext,
  }) => {
    const consoleMessages = await recordViolations(browserContext)

    // Vue mounts and works: setup, sign-in, navigation.
    const page = await setUpInstance(browserContext, 'Riverside Tenants')
    await mainNavigation(page).getByRole('link', { name: 'Contacts' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Contacts' }))
    assert.deepEqual(await violationsOn(page), [])
    assert.deepEqual(consoleMessages, [])

    assert.isFalse(await page.evaluate<boolean>(INJECTION))
    await page.waitForFunction('globalThis.cspViolations.length >= 2')
    const violations = await violationsOn(page)
    assert.sameMembers(
      violations.map((violation) => violation.split(' ')[0]),
      ['script-src-elem', 'script-src-attr']
    )
  })
})
