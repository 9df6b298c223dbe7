import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Contact from '#models/contact'
import Organization from '#models/organization'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'
import { emptyDatabase, setUpInstance } from '#tests/browser/support'

/** A conversation outside any campaign whose only text is `monthsAgo` months old. */
async function conversation(organizationId: number, phone: string, monthsAgo: number) {
  const contact = await Contact.create({
    organizationId,
    phone,
    customFields: {},
    unknownSender: false,
  })
  await db.table('messages').insert({
    organization_id: organizationId,
    contact_id: contact.id,
    direction: 'inbound',
    body: 'An old reply',
    from_phone: phone,
    to_phone: '+12025550199',
    status: 'received',
    created_at: sqlTime(clock.dateTime().minus({ months: monthsAgo })),
  })
}

test.group('Retention settings in the browser', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an owner sees what a limit would erase before saving it', async ({
    browserContext,
    assert,
  }) => {
    const page = await setUpInstance(browserContext, 'Riverside Union')
    const organization = await Organization.findByOrFail('name', 'Riverside Union')
    await conversation(organization.id, '+12025550101', 30)
    await conversation(organization.id, '+12025550102', 14)
    await conversation(organization.id, '+12025550103', 2)

    await page.goto(urlFor('organization_settings.edit'))
    await page.assertVisible(page.getByRole('heading', { name: 'Privacy and retention' }))
    const months = page.getByLabel('Erase conversations older than (months)')
    await months.fill('24')
    await months.blur()
    await page.assertTextContains(
      page.locator('[data-test="conversations-preview"]'),
      'This would erase 1 conversations now.'
    )
    await months.fill('12')
    await months.blur()
    await page.assertTextContains(
      page.locator('[data-test="conversations-preview"]'),
      'This would erase 2 conversations now.'
    )

    await page.getByLabel('Erase personal data when someone opts out').check()
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Settings saved.')
    await organization.refresh()
    assert.deepEqual(organization.settings.retention, {
      conversationsMonths: 12,
      exportsDays: null,
    })
    assert.isTrue(organization.settings.eraseOnOptOut)
  })
})
