import db from '@adonisjs/lucid/services/db'
import type { Browser, BrowserContext, Page } from 'playwright'
import { appUrl } from '#config/app'
import { forgetAllAccounts } from '#services/provider_accounts/clients'
import Membership from '#models/membership'
import User from '#models/user'
import { urlFor } from '@adonisjs/core/services/url_builder'

/**
 * Browser tests drive the real HTTP server, so they cannot hide their writes
 * in a global transaction. Each test starts from an empty instance instead.
 * Lucid's truncate turns foreign key checks off while it runs (SQLite pragma,
 * MySQL FOREIGN_KEY_CHECKS) and leaves the migration bookkeeping alone.
 */
export async function emptyDatabase() {
  await db.connection().truncateAllTables(['adonis_schema', 'adonis_schema_versions'])
  // Truncated tables hand out their ids again: the next test's account 1 is not this one's.
  forgetAllAccounts()
}

/**
 * A second person at their own browser (own cookies, own session), pointed
 * at the test server like the test's own context.
 */
export function anotherBrowser(browser: Browser) {
  return browser.newContext({ baseURL: appUrl })
}

export type Person = { fullName: string; email: string; password: string }

export const owner: Person = {
  fullName: 'Olivia Owner',
  email: 'olivia@example.org',
  password: 'porch-light-owner',
}

export const volunteer: Person = {
  fullName: 'Theo Texter',
  email: 'theo@example.org',
  password: 'porch-light-texter',
}

/**
 * The first-run setup a new instance greets its first visitor with; ends on
 * the owner's dashboard.
 */
export async function setUpInstance(context: BrowserContext, organizationName: string) {
  const page = await context.visit(urlFor('home'))
  await page.assertPath('/setup')
  await page.getByLabel('Your name').fill(owner.fullName)
  await page.getByLabel('Email').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByLabel('Organization name').fill(organizationName)
  await page.getByRole('button', { name: 'Create and sign in' }).click()
  await page.assertPath('/dashboard')
  await page.assertVisible(page.getByRole('heading', { name: organizationName }))
  return page
}

export function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Main' })
}

/**
 * Creates an invite link from the Invites page and returns its URL as the
 * page shows it to the organizer.
 */
export async function createInvite(page: Page, role: 'texter' | 'supervisor' | 'admin') {
  await mainNavigation(page).getByRole('link', { name: 'Invites' }).click()
  await page.assertVisible(page.getByRole('heading', { name: 'Invite links' }))
  await page.getByLabel('Role').selectOption(role)
  await page.getByRole('button', { name: 'Create invite link' }).click()
  await page.assertTextContains(page.getByRole('status'), 'Invite link created')
  const link = page.getByLabel(`Invite link for ${role}`)
  await page.assertVisible(link)
  return link.inputValue()
}

/**
 * Opens an invite link as someone without an account and joins with it.
 */
export async function joinWithInvite(context: BrowserContext, url: string, person: Person) {
  const page = await context.visit(url)
  await page.getByLabel('Your name').fill(person.fullName)
  await page.getByLabel('Email').fill(person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Join', exact: true }).click()
  return page
}

/**
 * The owner (from the first-run page) and a texter of the same organization
 * (the `volunteer`, who signs in with their email and password).
 */
export async function ownerAndTexter() {
  const ownerUser = await User.findByOrFail('email', owner.email)
  const organizer = await Membership.query()
    .where('user_id', ownerUser.id)
    .preload('organization')
    .firstOrFail()
  organizer.$setRelated('user', ownerUser)
  const user = await User.create({ ...volunteer })
  const texter = await Membership.create({
    organizationId: organizer.organizationId,
    userId: user.id,
    role: 'texter',
    status: 'active',
  })
  texter.$setRelated('user', user)
  texter.$setRelated('organization', organizer.organization)
  return { organizer, texter }
}

/** Signs `person` in on the sign-in page the browser shows. */
export async function signIn(page: Page, person: Person) {
  await page.getByLabel('Email').fill(person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Marks the page, so `stayedLoaded` can prove it never reloaded since. */
export async function markLoaded(page: Page) {
  await page.evaluate(() => Object.assign(globalThis, { stayedLoaded: true }))
}

/** Waits until the page listens for live updates, and marks the page to prove it never reloads. */
export async function listening(page: Page) {
  await page.locator('[data-live="ready"]').waitFor()
  await markLoaded(page)
}

/** Whether the page marked by `markLoaded` (or `listening`) is still the same page (it never reloaded). */
export const stayedLoaded = (page: Page) =>
  page.evaluate(() => (globalThis as { stayedLoaded?: boolean }).stayedLoaded === true)

/**
 * Makes the page's live-channel subscriptions slow, as on a busy server: the
 * browser holds each subscribe request until the test lets it through.
 */
export async function slowSubscriptions(page: Page) {
  const held: (() => void)[] = []
  const waiting: (() => void)[] = []
  await page.route('**/__transmit/subscribe', async (route) => {
    await new Promise<void>((resolve) => {
      held.push(resolve)
      waiting.shift()?.()
    })
    await route.continue()
  })
  return {
    /**
     * Waits for the page's next subscribe request (the page has its data by
     * then) and returns what sends it on to the server.
     */
    async next() {
      if (!held.length) await new Promise<void>((resolve) => waiting.push(resolve))
      return held.shift()!
    },
  }
}

/** Opens the send screen of the campaign named `campaign` from the texting home on `page`. */
export async function startTexting(page: Page, campaign: string) {
  await page
    .locator('[data-campaign]', { hasText: campaign })
    .getByRole('button', { name: 'Start texting' })
    .click()
}

/** The volunteer signed in at a browser of their own (closed by `cleanup`), on their texting home. */
export async function volunteerBrowser(
  browser: Browser,
  cleanup: (close: () => Promise<void>) => void
) {
  const context = await anotherBrowser(browser)
  cleanup(() => context.close())
  const page = await context.visit(urlFor('session.create'))
  await signIn(page, volunteer)
  await page.assertPath('/texting')
  return page
}
