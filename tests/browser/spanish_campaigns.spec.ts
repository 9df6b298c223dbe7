import { test } from '@japa/runner'
import { appUrl } from '#config/app'
import Membership from '#models/membership'
import { emptyDatabase, owner, setUpInstance } from '#tests/browser/support'
import { campaignWithOutcomes } from '#tests/helpers/reports'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Campaigns in Spanish', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an organizer whose browser asks for Spanish reads campaigns, the builder and the report in Spanish', async ({
    browser,
    browserContext,
  }) => {
    await setUpInstance(browserContext, 'Inquilinos de Riverside')
    const membership = await Membership.query()
      .whereHas('user', (user) => user.where('email', owner.email))
      .preload('user')
      .preload('organization')
      .firstOrFail()
    const { campaign } = await campaignWithOutcomes(membership)

    // The same signed-in organizer, in a browser whose language is Spanish (Accept-Language).
    const spanish = await browser.newContext({
      baseURL: appUrl,
      locale: 'es-ES',
      storageState: await browserContext.storageState(),
    })
    const page = await spanish.newPage()

    await page.goto(urlFor('campaigns.index'))
    await page.getByRole('heading', { name: 'Campañas', level: 1 }).waitFor()
    const row = page.locator(`[data-campaign="${campaign.name}"]`)
    await row.getByText('activa').waitFor()
    await page.getByRole('columnheader', { name: 'Por enviar' }).waitFor()
    await page.getByRole('link', { name: 'Nueva campaña' }).click()

    await page.getByRole('heading', { name: 'Nueva campaña', level: 1 }).waitFor()
    await page.getByRole('button', { name: '1. Nombre y propósito' }).waitFor()
    await page.getByLabel('Propósito (para los organizadores)').waitFor()
    await page.getByRole('button', { name: '6. Guion' }).click()
    await page.getByRole('button', { name: 'Añadir una pregunta' }).waitFor()
    await page.getByRole('button', { name: 'Guardar borrador' }).waitFor()

    await page.goto(urlFor('campaigns.report', { id: campaign.id }))
    await page.getByRole('heading', { name: 'Informe', exact: true }).waitFor()
    const figure = (name: string) => page.locator(`[data-figure="${name}"]`)
    await figure('Replied').getByText('Respondieron').waitFor()
    // Numbers follow Spanish conventions: decimal comma, the currency after the amount.
    await figure('Replied')
      .getByText(/50,0\s%\sde respuesta/)
      .waitFor()
    await figure('Estimated cost')
      .getByText(/0,11\sUS\$/)
      .waitFor()
    await page.getByRole('heading', { name: 'Resultados de la encuesta' }).waitFor()

    // An export's date is written the Spanish way.
    await page.getByRole('button', { name: 'Exportar contactos' }).click()
    const exported = page.locator('[data-export][data-status="completed"]')
    await exported.getByText('10 filas').waitFor()
    const today = new Intl.DateTimeFormat('es', { dateStyle: 'medium' }).format(new Date())
    await exported.getByText(today, { exact: false }).waitFor()
    await spanish.close()
  })
})
