import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import type { Browser, Page } from 'playwright'
import AxeBuilder from '@axe-core/playwright'
import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import type Membership from '#models/membership'
import { emptyDatabase, signIn } from '#tests/browser/support'
import { createActiveCampaign, createConversation } from '#tests/helpers/conversations'
import { fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { routeFixtures } from '#tests/functional/isolation/route_fixtures'
import { buildOrgA, type OrgA } from '#tests/functional/isolation/world'
import ProviderAccount from '#models/provider_account'
import StartEnrolment from '#actions/auth/two_factor/start_enrolment'
import { DateTime } from 'luxon'

/*
| Every page each role can reach passes axe-core with no serious or critical
| violation. The
| pages come from the router: every GET route outside the API, the webhooks,
| the fake carrier's API and the live stream, with the isolation walker's
| fixtures for its params (a new route is picked up by itself). What a role
| may not open (403, 404, a redirect elsewhere) or what is not a page (a CSV)
| is left out for that role.
*/

const NOT_PAGES = ['/api/', '/webhooks/', '/fake-carrier/', '/__transmit/']

type PageRoute = { name: string; pattern: string; params: string[] }
/** A page to check: its route's name, its URL, and the status it answers with. */
type PageUrl = { name: string; url: string; status?: number }

function pageRoutes(): PageRoute[] {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => route.methods.includes('GET') && route.name)
    .filter((route) => !NOT_PAGES.some((prefix) => route.pattern.startsWith(prefix)))
    .map((route) => ({
      name: route.name!,
      pattern: route.pattern,
      params: route.tokens.filter((token) => token.type !== 0).map((token) => token.val),
    }))
}

function urlOf(route: PageRoute, params: Record<string, string | number>) {
  return route.pattern.replace(/:(\w+)\??/g, (_token, name: string) =>
    encodeURIComponent(String(params[name]))
  )
}

/** The page URL of each route, with A's records (and the texter's own conversation) for params. */
async function pageUrls(a: OrgA, own: Record<string, Record<string, string | number>>) {
  const urls: PageUrl[] = []
  for (const route of pageRoutes()) {
    if (!route.params.length) {
      urls.push({ name: route.name, url: route.pattern })
      continue
    }
    const fixture = routeFixtures[route.name]
    const params = own[route.name] ?? (fixture ? await fixture.params(a) : null)
    if (params) urls.push({ name: route.name, url: urlOf(route, params) })
    // The texter's own record, besides A's owner's.
    if (own[route.name] && fixture) {
      urls.push({ name: route.name, url: urlOf(route, await fixture.params(a)) })
    }
  }
  return urls
}

/** The serious and critical axe-core violations of the page as it shows now. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze()
  return results.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ` +
        violation.nodes
          .slice(0, 4)
          .map((node) => node.target.join(' '))
          .join(', ')
    )
}

/**
 * Opens every URL a person (signed in on `page`) can open as a page and runs
 * axe-core on it; returns the names of the
 * routes it opened and the problems found.
 */
async function checkEveryPage(page: Page, urls: PageUrl[], alreadyChecked = new Set<string>()) {
  const problems: string[] = []
  const opened = new Set<string>()
  for (const { name, url, status = 200 } of urls) {
    const answer = await page.request.get(url, { maxRedirects: 0 })
    if (answer.status() !== status || !answer.headers()['content-type']?.includes('text/html')) {
      continue
    }
    opened.add(name)
    if (alreadyChecked.has(name)) continue
    await page.goto(url)
    await page.locator('h1').first().waitFor()
    for (const violation of await seriousViolations(page)) problems.push(`${url}: ${violation}`)
  }
  return { opened, problems }
}

async function signedIn(browser: Browser, membership: Membership) {
  const context = await browser.newContext({ baseURL: appUrl })
  const page = await context.newPage()
  await page.goto('/login')
  await signIn(page, { fullName: '', email: membership.user.email, password: 'password-for-tests' })
  await page.waitForURL((url) => url.pathname !== '/login')
  return { context, page }
}

/** What each role must at least reach, so a broken sign-in cannot pass as "nothing to check". */
const MUST_REACH = {
  texter: [
    'texting.index',
    'texting.show',
    'conversations.index',
    'conversations.show',
    'profile.edit',
  ],
  supervisor: [
    'dashboard',
    'campaigns.report',
    'campaign_reviews.index',
    'contacts.show',
    'segments.edit',
  ],
  admin: [
    'members.index',
    'phones.index',
    'phones.show',
    'organization_settings.edit',
    'audit_events.index',
  ],
  owner: ['provider_accounts.edit', 'webhook_endpoints.edit', 'integrations.edit', 'imports.show'],
}

/**
 * Roles run from the least to the most access; a page a lesser role already
 * passed is still opened (so each role's reach is asserted) but not analysed
 * again: axe takes seconds a page, and each role's own layout is analysed on
 * the pages only it reaches.
 */
const checkedPages = new Set<string>()

async function checkRole(assert: Assert, browser: Browser, role: keyof typeof MUST_REACH) {
  const a = await buildOrgA()
  // The texter's own conversation (with a reply) and a campaign they text in.
  const campaign = await createActiveCampaign(a.owner, { name: 'Saturday canvass' })
  const { contact, conversation } = await createConversation(a.texter, { campaign })
  const account = await ProviderAccount.findOrFail(campaign.providerAccountId)
  await postFakeWebhook(account, fakeInbound(contact.phone, 'Who is this?'))
  const own = {
    'conversations.show': { id: conversation.id },
    'texting.show': { id: campaign.id },
  }

  const { context, page } = await signedIn(browser, a[role])
  try {
    const { opened, problems } = await checkEveryPage(page, await pageUrls(a, own), checkedPages)
    for (const name of opened) checkedPages.add(name)
    assert.deepEqual(problems, [])
    for (const name of MUST_REACH[role]) assert.isTrue(opened.has(name), `${role} opened ${name}`)
  } finally {
    await context.close()
  }
}

test.group('Accessibility | every page passes axe-core', (group) => {
  group.each.setup(() => emptyDatabase())

  test('pages for visitors: setup, sign-in and its two-factor step, password reset, an invite, not found', async ({
    assert,
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: appUrl })
    const page = await context.newPage()
    try {
      // First run: the setup page, while the instance has nobody.
      const setup = await checkEveryPage(page, [{ name: 'setup.create', url: '/setup' }])
      assert.deepEqual(setup.problems, [])
      assert.isTrue(setup.opened.has('setup.create'))

      const a = await buildOrgA()
      const urls = await pageUrls(a, {
        'join.show': { token: a.invite.token },
        'password_resets.edit': { token: 'a-token-that-expired' },
      })
      urls.push({ name: 'not_found', url: '/no-such-page', status: 404 })
      const { opened, problems } = await checkEveryPage(page, urls)
      assert.deepEqual(problems, [])
      for (const name of [
        'session.create',
        'password_resets.create',
        'password_resets.edit',
        'join.show',
        'not_found',
      ]) {
        assert.isTrue(opened.has(name), `a visitor opened ${name}`)
      }

      // The second step of signing in, for a person with two-factor on.
      const user = a.texter.user
      await StartEnrolment.handle(user)
      user.twoFactorEnabledAt = DateTime.now()
      await user.save()
      await page.goto('/login')
      await signIn(page, { fullName: '', email: user.email, password: 'password-for-tests' })
      await page.waitForURL((url) => url.pathname === '/login/two-factor')
      const challenge = await checkEveryPage(page, [
        { name: 'two_factor_challenge.create', url: '/login/two-factor' },
      ])
      assert.deepEqual(challenge.problems, [])
      assert.isTrue(challenge.opened.has('two_factor_challenge.create'))
    } finally {
      await context.close()
    }
  }).timeout(180_000)

  for (const role of ['texter', 'supervisor', 'admin', 'owner'] as const) {
    test(`pages for ${role}s`, ({ assert, browser }) => checkRole(assert, browser, role)).timeout(
      900_000
    )
  }
})
