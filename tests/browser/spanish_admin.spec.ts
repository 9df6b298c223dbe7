import { test } from '@japa/runner'
import { appUrl } from '#config/app'
import Campaign from '#models/campaign'
import Membership from '#models/membership'
import { audienceOf } from '#services/campaigns/audience'
import { emptyDatabase, owner, setUpInstance } from '#tests/browser/support'
import { createContact } from '#tests/helpers/contacts'
import { createFakeAccount } from '#tests/helpers/messaging'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Admin pages in Spanish', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an admin whose browser asks for Spanish manages contacts, settings and providers in Spanish', async ({
    browser,
    browserContext,
  }) => {
    await setUpInstance(browserContext, 'Inquilinos de Riverside')
    const membership = await Membership.query()
      .whereHas('user', (user) => user.where('email', owner.email))
      .firstOrFail()
    const contact = await createContact(membership.organizationId, {
      firstName: 'Rosa',
      lastName: 'Parra',
    })
    await createFakeAccount(membership.organizationId)
    const campaign = await Campaign.create({
      organizationId: membership.organizationId,
      name: 'Asamblea de mayo',
      status: 'draft',
      audience: audienceOf({}),
    })

    const spanish = await browser.newContext({
      baseURL: appUrl,
      locale: 'es-ES',
      storageState: await browserContext.storageState(),
    })
    const page = await spanish.newPage()

    await page.goto(urlFor('contacts.index'))
    await page.getByRole('heading', { name: 'Contactos', level: 1 }).waitFor()
    await page.getByRole('link', { name: 'Importar contactos' }).waitFor()
    await page.getByRole('columnheader', { name: 'Teléfono' }).waitFor()
    // The organizers' own data stays as they wrote it.
    await page.getByRole('checkbox', { name: 'Seleccionar a Rosa Parra' }).check()
    await page.getByText('1 seleccionado', { exact: true }).waitFor()
    await page.getByRole('link', { name: 'Rosa Parra' }).click()
    await page.getByRole('heading', { name: 'Rosa Parra', level: 1 }).waitFor()
    await page.locator('[data-opt-out-status]').getByText('Se le puede escribir.').waitFor()
    await page.getByRole('button', { name: 'Borrar datos' }).waitFor()
    await page.getByRole('link', { name: 'Editar' }).click()
    await page.getByRole('heading', { name: `Editar ${contact.phone}` }).waitFor()
    await page.getByLabel('Estado (dos letras)').waitFor()

    await page.goto(urlFor('organization_settings.edit'))
    await page.getByRole('heading', { name: 'Configuración de la organización' }).waitFor()
    await page.getByLabel('Exigir remitentes registrados (10DLC)').waitFor()
    await page.getByLabel('Registrar los clics en los enlaces de las campañas nuevas').waitFor()
    await page.getByLabel('Dominio de los enlaces (opcional)').waitFor()
    await page.getByLabel('Precio por MMS (USD)').waitFor()
    await page.getByLabel('Borrar las conversaciones de más de (meses)').fill('1')
    await page.getByLabel('Borrar las conversaciones de más de (meses)').blur()
    await page
      .locator('[data-test="conversations-preview"]')
      .getByText('Esto borraría 0 conversaciones ahora.')
      .waitFor()

    await page.goto(urlFor('provider_accounts.index'))
    await page.getByRole('heading', { name: 'Proveedores de SMS', level: 1 }).waitFor()
    await page.getByRole('columnheader', { name: 'Números remitentes' }).waitFor()
    await page.getByRole('cell', { name: 'Enviando' }).waitFor()
    await page.getByRole('link', { name: 'Abrir' }).click()
    await page.getByRole('heading', { name: 'URL de webhook' }).waitFor()
    await page.getByLabel('URL del webhook de mensajes entrantes').waitFor()
    await page.getByRole('button', { name: 'Enviar prueba' }).waitFor()

    // What still blocks a launch is worded in Spanish too.
    await page.goto(urlFor('campaigns.show', { id: campaign.id }))
    await page.getByText('Escribe el mensaje inicial').waitFor()
    await spanish.close()
  })
})
