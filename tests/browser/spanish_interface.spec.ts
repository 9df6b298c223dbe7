import { test } from '@japa/runner'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import ProviderAccount from '#models/provider_account'
import SurveyResponse from '#models/survey_response'
import User from '#models/user'
import { emptyDatabase, ownerAndTexter, setUpInstance, volunteer } from '#tests/browser/support'
import { GOOD_MESSAGE } from '#tests/helpers/campaigns'
import { createActiveCampaign, createConversation, SURVEY } from '#tests/helpers/conversations'
import { fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { launchedCampaign } from '#tests/helpers/texting'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'

test.group('Spanish | a texter whose browser speaks Spanish', (group) => {
  group.each.setup(() => emptyDatabase())

  test('signs in, sends, answers a survey and opts someone out in Spanish, then picks English', async ({
    assert,
    browser,
    browserContext,
    cleanup,
  }) => {
    await setUpInstance(browserContext, 'Riverside Tenants Union')
    const { organizer, texter } = await ownerAndTexter()
    const { campaign: sending } = await launchedCampaign(organizer, { contacts: 2 })
    const surveyed = await createActiveCampaign(organizer, {
      name: 'Saturday canvass',
      script: { initial: [{ body: GOOD_MESSAGE }], steps: SURVEY },
    })
    const { contact, conversation } = await createConversation(texter, { campaign: surveyed })
    const account = await ProviderAccount.findOrFail(surveyed.providerAccountId)

    const context = await browser.newContext({ baseURL: appUrl, locale: 'es-ES' })
    cleanup(() => context.close())
    const page = await context.visit(urlFor('session.create'))

    // Sign in: the form, and a mistake, are in Spanish.
    await page.assertVisible(page.getByRole('heading', { name: 'Iniciar sesión' }))
    await page.getByLabel('Correo electrónico').fill(volunteer.email)
    await page.getByLabel('Contraseña').fill('not the password')
    await page.getByRole('button', { name: 'Iniciar sesión' }).click()
    await page.assertTextContains(
      page.getByRole('alert'),
      'Ese correo y esa contraseña no corresponden a ninguna cuenta.'
    )
    await page.getByLabel('Correo electrónico').fill(volunteer.email)
    await page.getByLabel('Contraseña').fill(volunteer.password)
    await page.getByRole('button', { name: 'Iniciar sesión' }).click()
    await page.assertPath('/texting')
    await page.assertVisible(page.getByRole('heading', { name: 'Textear' }))

    // The send screen.
    const card = page.locator('[data-campaign]', { hasText: sending.name })
    await page.assertTextContains(card, '0 por enviar')
    await card.getByRole('button', { name: 'Empezar a enviar' }).click()
    await page.assertTextContains(page.locator('[data-progress]'), 'Enviados: 0 · Pendientes: 2')
    await page.assertTextContains(page.locator('[data-shortcuts]'), 'Saltar')
    await page.getByRole('button', { name: 'Enviar', exact: true }).click()
    await page.assertTextContains(page.locator('[data-progress]'), 'Enviados: 1 · Pendientes: 1')
    assert.lengthOf(await Message.query().where('campaign_id', sending.id), 1)
    await page.getByRole('button', { name: 'Listo por ahora' }).click()
    await page.assertTextContains(
      page.getByRole('status'),
      'Listo por ahora: 1 contacto sin enviar volvió a la campaña.'
    )

    // A reply, read in a Spanish conversation page.
    await postFakeWebhook(account, fakeInbound(contact.phone, 'Sí, voy a votar'))
    const spanishNavigation = page.getByRole('navigation', { name: 'Principal' })
    await spanishNavigation.getByRole('link', { name: 'Conversaciones' }).click()
    await page.assertVisible(page.getByRole('heading', { name: 'Conversaciones' }))
    await page.locator(`[data-conversation="${conversation.id}"]`).getByRole('link').click()
    await page.assertVisible(page.getByRole('heading', { name: 'Encuesta' }))
    await page.assertTextContains(page.getByRole('list', { name: 'Mensajes' }), 'Sí, voy a votar')
    await page.assertTextContains(page.locator('[data-conversation-status]'), 'Por responder')
    await page.assertTextContains(page.getByRole('main'), 'Usar una respuesta predefinida')

    // The survey answer: recorded, and its follow-up in the box.
    await page
      .getByRole('list', { name: 'Respuestas a: Will you vote?' })
      .getByRole('button', {
        name: /Yes/,
      })
      .click()
    await page.assertInputValue(
      page.getByRole('textbox', { name: 'Mensaje' }),
      'Great, Ada! Need a ride?'
    )
    await page.assertVisible(page.getByRole('group', { name: 'Need a ride?' }))
    const [answer] = await SurveyResponse.query().where('campaign_contact_id', conversation.id)
    assert.equal(answer.value, 'Yes')

    // Opting out: Spanish choices, status and notice.
    await page.getByRole('button', { name: 'Dar de baja…' }).click()
    await page.getByRole('button', { name: 'Dar de baja sin enviar mensaje' }).click()
    await page.assertTextContains(page.locator('[data-conversation-status]'), 'Dado de baja')
    await page.assertTextContains(page.locator('[data-opt-out]'), 'por una persona voluntaria')
    await page.assertVisible(page.getByRole('button', { name: 'Enviar', disabled: true }))
    await OptOut.findByOrFail({ phone: contact.phone })

    // The profile: English from now on, whatever the browser says, at once.
    await page.getByRole('link', { name: volunteer.fullName }).first().click()
    await page.assertVisible(page.getByRole('heading', { name: 'Tu cuenta' }))
    await page.getByLabel('Idioma').selectOption('en')
    await page.getByRole('button', { name: 'Guardar', exact: true }).click()
    // The save and the switch to the English catalogue can take a while on a busy machine.
    await page.getByRole('heading', { name: 'Your account' }).waitFor({ timeout: 30_000 })
    await page.assertTextContains(page.getByRole('status'), 'Porchlight is now in English.')
    await page.assertVisible(page.getByRole('heading', { name: 'Your account' }))
    await page.assertVisible(page.getByRole('button', { name: 'Sign out' }).first())
    await page.assertVisible(page.getByRole('heading', { name: 'Change password' }))
    const user = await User.findByOrFail('email', volunteer.email)
    assert.equal(user.locale, 'en')
  })
})
