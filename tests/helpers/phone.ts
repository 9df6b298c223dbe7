import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import type { Browser, Locator, Page } from 'playwright'
import { appUrl } from '#config/app'

/** A small phone held upright: 375 × 667 CSS pixels, touch, mobile viewport rules. */
export const PHONE = {
  viewport: { width: 375, height: 667 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
}

/** A fingertip: the smallest target a touch screen should offer (WCAG 2.5.5). */
export const TOUCH_TARGET = 44

/** A person's own browser on a phone, pointed at the test server. */
export function phoneBrowser(browser: Browser) {
  return browser.newContext({ baseURL: appUrl, ...PHONE })
}

/*
 * The checks below run in the page; they are written as source text because
 * the server's TypeScript has no DOM types.
 */

/** How many CSS pixels the page scrolls sideways (0 when it fits the screen). */
export function horizontalOverflow(page: Page) {
  return page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth'
  )
}

/** Whether `locator` is wholly on screen, where the page is scrolled now (it is not scrolled for it). */
export async function onScreen(locator: Locator) {
  const box = await locator.boundingBox()
  if (!box) return false
  const screen = await locator
    .page()
    .evaluate<{ width: number; height: number }>(
      '({ width: window.innerWidth, height: window.innerHeight })'
    )
  return (
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= screen.height &&
    box.x + box.width <= screen.width
  )
}

/**
 * The visible controls a finger presses (buttons, links standing on their
 * own, form fields, menus) smaller than 44 px either way, described as
 * "<tag> “name” width×height". Links inside a sentence are exempt, as WCAG
 * exempts them.
 */
export function smallTouchTargets(page: Page) {
  return page.evaluate<string[]>(`
    [...document.querySelectorAll(
      'button, a[href], input:not([type=hidden]), select, textarea, summary'
    )]
      .filter((control) => control.checkVisibility() && !control.closest('p'))
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ box }) => box.width < ${TOUCH_TARGET} || box.height < ${TOUCH_TARGET})
      .map(({ control, box }) =>
        control.tagName.toLowerCase() + ' “' +
        (control.innerText || control.getAttribute('aria-label') || control.id).trim() + '” ' +
        Math.round(box.width) + '×' + Math.round(box.height)
      )
  `)
}

/**
 * Saves what the page shows as docs/images/<name>.png when the run is asked
 * to refresh the documentation's pictures (UPDATE_SCREENSHOTS=1).
 */
export async function documentationScreenshot(page: Page, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS) return
  const folder = app.makePath('docs/images')
  mkdirSync(folder, { recursive: true })
  await page.screenshot({ path: join(folder, `${name}.png`), animations: 'disabled' })
}
