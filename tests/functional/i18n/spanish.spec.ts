import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Message from '#models/message'
import Organization, { DEFAULT_SETTINGS } from '#models/organization'
import { UserFactory } from '#database/factories/user_factory'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { createContact } from '#tests/helpers/contacts'
import { DateTime } from 'luxon'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'
import { createConversation, zoneAt } from '#tests/helpers/conversations'
import { libraryPicture } from '#tests/helpers/media'
import { importFixture, uploadedImport } from '#tests/helpers/imports'
import { inertiaPage } from '#tests/helpers/inertia'
import { asGuest, asMember, asUser, fieldErrors } from '#tests/helpers/web'

test.group('Spanish | validation and notices', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a browser asking for Spanish gets Spanish validation messages', async ({
    client,
    assert,
  }) => {
    const response = await asGuest(client.post(urlFor('session.store')))
      .header('Accept-Language', 'es-MX,es;q=0.9,en;q=0.5')
      .form({ email: 'not an address', password: '' })

    assert.deepEqual(fieldErrors(response), {
      email: ['Escribe un correo electrónico válido'],
      password: ['Completa el campo «contraseña»'],
    })
  })

  test('English stays the default, with the same texts as before', async ({ client, assert }) => {
    const response = await asGuest(client.post(urlFor('session.store')))
      .header('Accept-Language', 'fr-FR')
      .form({ email: 'not an address', password: '' })

    assert.deepEqual(fieldErrors(response), {
      email: ['Enter a valid email address'],
      password: ['Enter the password'],
    })
  })

  test('lengths and field names read naturally in Spanish', async ({ client, assert }) => {
    const user = await UserFactory.merge({ locale: 'es' }).create()
    const response = await asUser(client.put(urlFor('profile.update_password')), user).form({
      currentPassword: 'x',
      password: 'short',
    })
    assert.deepEqual(fieldErrors(response).password, [
      'El campo «contraseña» debe tener al menos 10 caracteres',
    ])
  })

  test('a wrong password is said in Spanish', async ({ client }) => {
    const response = await asGuest(client.post(urlFor('session.store')))
      .header('Accept-Language', 'es')
      .form({ email: 'nobody@example.org', password: 'password-for-tests' })
    response.assertFlashMessage(
      'error',
      'Ese correo y esa contraseña no corresponden a ninguna cuenta.'
    )
  })
})

test.group('Spanish | each person picks their language', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('picking Español saves it, says so in Spanish, and beats the browser', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({ fullName: 'Dolores Huerta' }).create()

    const saved = await asUser(client.put(urlFor('profile.update')), user)
      .header('Accept-Language', 'en-US')
      .form({ fullName: 'Dolores Huerta', locale: 'es' })
    saved.assertFlashMessage('success', 'Porchlight ahora está en español.')
    await user.refresh()
    assert.equal(user.locale, 'es')

    const page = inertiaPage(
      await asUser(client.get(urlFor('profile.edit')), user).header('Accept-Language', 'en-US')
    )
    assert.equal(page.props.locale, 'es')
    assert.equal(page.props.chosenLocale, 'es')
  })

  test('"Browser default" forgets the choice; the name alone keeps it', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({ locale: 'es' }).create()

    const kept = await asUser(client.put(urlFor('profile.update')), user).form({
      fullName: 'Ella Baker',
    })
    kept.assertFlashMessage('success', 'Tu nombre quedó guardado.')
    await user.refresh()
    assert.equal(user.locale, 'es')

    const reset = await asUser(client.put(urlFor('profile.update')), user)
      .header('Accept-Language', 'en')
      .form({ fullName: 'Ella Baker', locale: '' })
    reset.assertFlashMessage('success', 'Porchlight is now in English.')
    await user.refresh()
    assert.isNull(user.locale)
  })

  test('a language Porchlight does not have is refused', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await asUser(client.put(urlFor('profile.update')), user).form({
      fullName: 'Ella Baker',
      locale: 'fr',
    })
    assert.property(fieldErrors(response), 'locale')
    await user.refresh()
    assert.isNull(user.locale)
  })
})

test.group('Spanish | opting out from a conversation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the confirmation is in Spanish when the person last wrote in Spanish', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const org = texter.organizationId
    const contact = await createContact(org)
    const { conversation } = await createConversation(texter, { contact, status: 'conversing' })
    const account = await createFakeAccount(org)
    await postFakeWebhook(account, fakeInbound(contact.phone, 'Número equivocado'))

    const response = await asMember(
      client.post(urlFor('conversations.opt_out', { id: conversation.id })),
      texter
    ).json({ confirm: true })
    response.assertStatus(302)

    const confirmation = await Message.query()
      .where('to_phone', contact.phone)
      .where('purpose', 'opt_out_confirmation')
      .firstOrFail()
    assert.equal(confirmation.body, DEFAULT_SETTINGS.optOutReplyEs)
  })
})

test.group('Spanish | the API and the organization replies', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the Spanish replies are set through the API, whose errors stay in English', async ({
    client,
    assert,
  }) => {
    const membership = await createMember('owner')
    const token = await apiTokenFor(membership)

    const refused = await client
      .patch('/api/v1/organization')
      .bearerToken(token)
      .header('Accept-Language', 'es')
      .json({ settings: { helpReplyEs: 'x'.repeat(321) } })
    refused.assertStatus(422)
    assert.equal(
      refused.body().errors[0].message,
      'The Spanish HELP reply must be at most 320 characters'
    )

    const saved = await client
      .patch('/api/v1/organization')
      .bearerToken(token)
      .header('Accept-Language', 'es')
      .json({ settings: { optOutReplyEs: 'Listo, no te escribiremos más.' } })
    saved.assertStatus(200)
    const organization = await Organization.findOrFail(membership.organizationId)
    assert.equal(organization.settings.optOutReplyEs, 'Listo, no te escribiremos más.')
    assert.equal(organization.settings.helpReplyEs, DEFAULT_SETTINGS.helpReplyEs)
  })
})

test.group('Spanish | refused actions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a refusal is flashed in the person’s language and stays English in the API', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    admin.user.locale = 'es'
    await admin.user.save()
    const contact = await createContact(admin.organizationId, { firstName: 'Ann' })
    contact.erasedAt = DateTime.now()
    await contact.save()

    const edit = await asMember(client.put(urlFor('contacts.update', { id: contact.id })), admin)
      .header('Accept-Language', 'en-US')
      .json({ firstName: 'Ann', lastName: null, zip: null, state: null })
    edit.assertFlashMessage(
      'error',
      'Los datos de esta persona se borraron; el registro no se puede editar.'
    )

    const token = await apiTokenFor(admin)
    const patched = await client
      .patch(`/api/v1/contacts/${contact.id}`)
      .bearerToken(token)
      .header('Accept-Language', 'es')
      .json({ firstName: 'Ann' })
    patched.assertStatus(409)
    assert.equal(
      patched.body().errors[0].message,
      'This person’s data was erased; the record cannot be edited.'
    )
  })
})

test.group('Spanish | reasons the server words', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const inSpanish = async (membership: Awaited<ReturnType<typeof createMember>>) => {
    membership.user.locale = 'es'
    await membership.user.save()
    return membership
  }

  test('a reply outside texting hours says why in Spanish, with Spanish times', async ({
    client,
    assert,
  }) => {
    const texter = await inSpanish(await createMember('texter'))
    const asleep = await createContact(texter.organizationId, { timezone: zoneAt(3) })
    const { conversation } = await createConversation(texter, {
      contact: asleep,
      status: 'needs_response',
    })

    const page = inertiaPage(
      await asMember(client.get(urlFor('conversations.show', { id: conversation.id })), texter)
    )
    const { reason } = page.props.textingHours as { reason: string }
    assert.match(reason, /^Fuera del horario de envío \(9:00–20:00, hora local\): /)
    assert.include(reason, 'la hora de este contacto es 3:')

    const response = await asMember(
      client.post(urlFor('conversations.reply', { id: conversation.id })),
      texter
    ).json({ body: '¿Sigues ahí?', idempotencyKey: 'press-es-1' })
    response.assertStatus(302)
    const flashed = String(response.flashMessage('error'))
    assert.match(flashed, /^Fuera del horario de envío \(9:00–20:00, hora local\): /)
    assert.include(flashed, 'Puedes responder a partir de')
    assert.notInclude(flashed, 'Outside')
  })

  test('the same reason stays English for an English reader, times written the US way', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    const asleep = await createContact(texter.organizationId, { timezone: zoneAt(3) })
    const { conversation } = await createConversation(texter, {
      contact: asleep,
      status: 'needs_response',
    })
    const page = inertiaPage(
      await asMember(client.get(urlFor('conversations.show', { id: conversation.id })), texter)
    )
    assert.match(
      (page.props.textingHours as { reason: string }).reason,
      /^Outside texting hours \(9:00 AM–8:00 PM local time\): it is 3:\d\d AM in Etc\/GMT/
    )
  })

  test('a segment the builder cannot count yet is explained in Spanish; the API keeps English', async ({
    client,
    assert,
  }) => {
    const owner = await inSpanish(await createMember('owner'))
    const definition = { all: [{ field: 'zip', op: 'eq', value: null }] }

    const previewed = await asMember(client.post(urlFor('segments.preview')), owner).json({
      definition,
    })
    previewed.assertStatus(422)
    assert.deepEqual(previewed.body().errors, [
      { field: 'definition.all.0.value', rule: 'required', message: 'Escribe un valor' },
    ])

    const saved = await asMember(client.post(urlFor('segments.store')), owner).json({
      name: 'Sin ZIP',
      definition,
    })
    assert.deepEqual(fieldErrors(saved)['definition.all.0.value'], ['Escribe un valor'])

    const api = await client
      .post('/api/v1/segments')
      .bearerToken(await apiTokenFor(owner))
      .header('Accept-Language', 'es')
      .json({ name: 'Sin ZIP', definition })
    api.assertStatus(422)
    assert.deepEqual(api.body().errors, [
      { field: 'definition.all.0.value', rule: 'required', message: 'Enter a value' },
    ])
  })

  test('an unknown list in a segment is named in Spanish', async ({ client, assert }) => {
    const owner = await inSpanish(await createMember('owner'))
    const previewed = await asMember(client.post(urlFor('segments.preview')), owner).json({
      definition: { all: [{ field: 'list', op: 'in', value: ['Voluntarios'] }] },
    })
    previewed.assertStatus(422)
    assert.equal(
      previewed.body().errors[0].message,
      'No hay ninguna lista "Voluntarios" en esta organización'
    )
  })

  test('the picture library’s notices follow the reader', async ({ client }) => {
    const admin = await inSpanish(await createMember('admin'))
    const item = await libraryPicture(admin)
    const deleted = await asMember(client.delete(urlFor('media.destroy', { id: item.id })), admin)
    deleted.assertFlashMessage('success', 'La imagen se eliminó.')
  })
})

test.group('Spanish | fields and files', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a field an action refuses is said in Spanish on the form', async ({ client, assert }) => {
    const user = await UserFactory.merge({ locale: 'es' }).create()
    const response = await asUser(client.put(urlFor('profile.update_password')), user).form({
      currentPassword: 'not the password at all',
      password: 'a long new password',
    })
    assert.deepEqual(fieldErrors(response).currentPassword, ['La contraseña actual no es correcta'])
  })

  test('a taken list name is said in Spanish on the page and in English in the API', async ({
    client,
    assert,
  }) => {
    const supervisor = await createMember('supervisor')
    supervisor.user.locale = 'es'
    await supervisor.user.save()
    await asMember(client.post(urlFor('lists.store')), supervisor).form({ name: 'Canvass' })

    const page = await asMember(client.post(urlFor('lists.store')), supervisor).form({
      name: 'canvass',
    })
    assert.deepEqual(fieldErrors(page).name, ['Ya hay una lista llamada «Canvass»'])

    const api = await client
      .post('/api/v1/lists')
      .bearerToken(await apiTokenFor(supervisor))
      .header('Accept-Language', 'es')
      .json({ name: 'CANVASS' })
    api.assertStatus(422)
    assert.equal(api.body().errors[0].message, 'There is already a list named "Canvass"')
  })

  test('an import preview explains the file in Spanish', async ({ client, assert }) => {
    const owner = await createMember('owner')
    owner.user.locale = 'es'
    await owner.user.save()
    const record = await uploadedImport(owner, 'no_phone.csv', { status: 'draft' })
    const page = inertiaPage(
      await asMember(client.get(urlFor('imports.show', { id: record.id })), owner)
    )
    assert.match(page.props.preview.problem, /^No encontramos una columna de números de teléfono\./)

    const bad = await uploadedImport(owner, 'messy.csv', { status: 'draft' })
    const preview = inertiaPage(
      await asMember(client.get(urlFor('imports.show', { id: bad.id })), owner)
    ).props.preview as { sample: { problem: string | null }[] }
    const problems = preview.sample.map((row) => row.problem).filter(Boolean)
    assert.isNotEmpty(problems)
    for (const problem of problems) assert.notMatch(String(problem), /phone number|Same phone/)
  })

  test('a finished import’s row problems are in Spanish on its page and English in the API', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    owner.user.locale = 'es'
    await owner.user.save()
    const record = await importFixture(owner, 'messy.csv')
    const page = inertiaPage(
      await asMember(client.get(urlFor('imports.show', { id: record.id })), owner)
    )
    const shown = (page.props.importRecord as { errors: { message: string }[] }).errors
    assert.isNotEmpty(shown)
    assert.isTrue(shown.every(({ message }) => !/phone number/.test(message)))

    const api = await client
      .get(`/api/v1/imports/${record.id}`)
      .bearerToken(await apiTokenFor(owner))
      .header('Accept-Language', 'es')
    assert.deepEqual(
      api.body().errors,
      record.errorsSample!.map(({ row, field, message }) => ({ row, field, message }))
    )
    assert.isTrue(
      (api.body().errors as { message: string }[]).some(({ message }) => /phone/.test(message))
    )
  })
})

test.group('Spanish | stored reasons', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a text Porchlight held back says why in Spanish; a carrier’s own reason stays as stored', async ({
    client,
    assert,
  }) => {
    const texter = await createMember('texter')
    texter.user.locale = 'es'
    await texter.user.save()
    const { conversation } = await createConversation(texter)
    const first = await Message.query().where('campaign_contact_id', conversation.id).firstOrFail()
    await first
      .merge({
        status: 'failed',
        errorClass: 'refused',
        errorCode: 'opted_out',
        errorMessage: `${first.to} opted out before this text was sent`,
      })
      .save()
    await Message.create({
      ...first.$attributes,
      id: undefined,
      status: 'failed',
      errorClass: 'recipient',
      errorCode: 'opted_out',
      errorMessage: 'The recipient has opted out of texts from this sender',
    })

    const page = inertiaPage(
      await asMember(client.get(urlFor('conversations.show', { id: conversation.id })), texter)
    )
    const shown = (page.props.messages as { errorMessage: string | null }[]).map(
      (message) => message.errorMessage
    )
    assert.deepEqual(shown, [
      'La persona se dio de baja antes de que se enviara este mensaje',
      'The recipient has opted out of texts from this sender',
    ])
  })
})
