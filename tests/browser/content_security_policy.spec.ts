import { test } from '@japa/runner'
import type { BrowserContext, Page } from 'playwright'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'

type Probe = { cspViolations: string[]; injected?: boolean }

/**
 * Records every Content-Security-Policy violation the context's pages see
 * (as "directive blocked-uri" in `window.cspViolations`), and console
 * messages about the policy.
 */
async function recordViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const probe = window as unknown as Probe
    probe.cspViolations = []
    document.addEventListener('securitypolicyviolation', (event) => {
      probe.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`)
    })
  })
  const console: string[] = []
  context.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) console.push(message.text())
  })
  return console
}

const violationsOn = (page: Page) => page.evaluate(() => (window as unknown as Probe).cspViolations)

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

    // What an injected snippet would try: an inline script and an inline event handler.
    const injected = await page.evaluate(async () => {
      const probe = window as unknown as Probe
      const script = document.createElement('script')
      script.textContent = 'window.injected = true'
      document.body.append(script)
      const image = document.createElement('img')
      image.setAttribute('onerror', 'window.injected = true')
      await new Promise((resolve) => {
        image.addEventListener('error', resolve)
        image.src = 'data:,'
        document.body.append(image)
      })
      return probe.injected === true
    })
    assert.isFalse(injected)
    await page.waitForFunction(() => (window as unknown as Probe).cspViolations.length >= 2)
    const violations = await violationsOn(page)
    assert.sameMembers(
      violations.map((violation) => violation.split(' ')[0]),
      ['script-src-elem', 'script-src-attr']
    )
  })
})
