import db from '@adonisjs/lucid/services/db'
import type { Browser, BrowserContext, Page } from 'playwright'
import { appUrl } from '#config/app'

/**
 * Browser tests drive the real HTTP server, so they cannot hide their writes
 * in a global transaction. Each test starts from an empty instance instead.
 * Lucid's truncate turns foreign key checks off while it runs (SQLite pragma,
 * MySQL FOREIGN_KEY_CHECKS) and leaves the migration bookkeeping alone.
 */
export async function emptyDatabase() {
  await db.connection().truncateAllTables(['adonis_schema', 'adonis_schema_versions'])
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
  const page = await context.visit('/')
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

/** Waits until the page listens for live updates, and marks the page to prove it never reloads. */
export async function listening(page: Page) {
  await page.locator('[data-live="ready"]').waitFor()
  await page.evaluate(() => Object.assign(globalThis, { stayedLoaded: true }))
}

/** Whether the page marked by `listening` is still the same page (it never reloaded). */
export const stayedLoaded = (page: Page) =>
  page.evaluate(() => (globalThis as { stayedLoaded?: boolean }).stayedLoaded === true)
