import { test } from '@japa/runner'
import Organization from '#models/organization'
import User from '#models/user'
import { audit } from '#services/audit'
import { emptyDatabase, mainNavigation, owner, setUpInstance } from '#tests/browser/support'

test.group('Audit trail page in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an owner reads and filters the trail', async ({ browserContext }) => {
    const page = await setUpInstance(browserContext, 'Riverside Union')
    const organization = await Organization.findByOrFail('name', 'Riverside Union')
    const user = await User.findByOrFail('email', owner.email)
    for (const [action, id] of [
      ['contact.erased', 7],
      ['invite.created', 3],
    ] as const) {
      await audit({
        organizationId: organization.id,
        userId: user.id,
        action,
        subject: { type: action.split('.')[0], id },
      })
    }

    await mainNavigation(page).getByRole('link', { name: 'Audit trail' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Audit trail' }))
    await page.assertVisible(page.locator('[data-audit-event="contact.erased"]'))
    await page.assertTextContains(
      page.locator('[data-audit-event="invite.created"]'),
      owner.fullName
    )

    await page.getByLabel('Action starts with').fill('contact.')
    await page.assertNotExists(page.locator('[data-audit-event="invite.created"]'))
    await page.assertVisible(page.locator('[data-audit-event="contact.erased"]'))
    await page.assertTextContains(page.locator('[data-total]'), '1 events')
  })
})
