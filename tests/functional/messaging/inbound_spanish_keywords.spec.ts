import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import Organization, { DEFAULT_SETTINGS } from '#models/organization'
import sms from '#services/sms'
import { Dispatcher } from '#services/outbox/dispatcher'
import { createMember } from '#tests/helpers/members'
import { createFakeAccount, fakeInbound, postFakeWebhook } from '#tests/helpers/messaging'

async function repliesTo(phone: string) {
  return Message.query().where('to_phone', phone).where('direction', 'outbound').orderBy('id')
}

async function firstReply(phone: string) {
  const [reply] = await repliesTo(phone)
  return reply.body
}

test.group('Inbound | Spanish STOP words and replies', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sms.restore())

  test('"{$self}" opts out and gets the Spanish confirmation, sent once')
    .with(['PARAR', 'Cancelar', 'alto', 'No me escriban más, por favor'])
    .run(async ({ assert }, body) => {
      const fake = sms.fake()
      const owner = await createMember('owner')
      const account = await createFakeAccount(owner.organizationId)
      const phone = '+12025550141'

      const stop = fakeInbound(phone, body)
      await postFakeWebhook(account, stop)
      await postFakeWebhook(account, stop)

      const optOut = await OptOut.query().where('phone', phone).firstOrFail()
      assert.equal(optOut.source, 'keyword')
      const replies = await repliesTo(phone)
      assert.lengthOf(replies, 1)
      assert.equal(replies[0].purpose, 'opt_out_confirmation')
      assert.equal(replies[0].body, DEFAULT_SETTINGS.optOutReplyEs)
      await new Dispatcher().drainOnce()
      fake.assertSent({ to: phone, body: 'Te diste de baja y no recibirás más mensajes nuestros.' })
    })

  test("the organization's own Spanish replies; English keywords still get English", async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const organization = await Organization.findOrFail(owner.organizationId)
    organization.settings = {
      ...organization.settings,
      optOutReplyEs: 'Listo: no te escribiremos más.',
      helpReplyEs: `${organization.name}: escríbenos a ayuda@example.org`,
    }
    await organization.save()
    const account = await createFakeAccount(owner.organizationId)

    await postFakeWebhook(account, fakeInbound('+12025550142', 'Parar'))
    await postFakeWebhook(account, fakeInbound('+12025550143', 'STOP'))
    await postFakeWebhook(account, fakeInbound('+12025550144', 'ayuda'))
    await postFakeWebhook(account, fakeInbound('+12025550145', 'HELP'))

    assert.equal(await firstReply('+12025550142'), 'Listo: no te escribiremos más.')
    assert.equal(await firstReply('+12025550143'), organization.settings.optOutReply)
    const spanishHelp = await repliesTo('+12025550144')
    assert.equal(spanishHelp[0].purpose, 'help_reply')
    assert.equal(spanishHelp[0].body, `${organization.name}: escríbenos a ayuda@example.org`)
    assert.equal(
      await firstReply('+12025550145'),
      `${organization.name}: ${organization.settings.helpReply}`
    )
    assert.isNull(await OptOut.query().where('phone', '+12025550144').first())
  })

  test('COMENZAR, and SÍ after an opt-out, opt back in', async ({ assert }) => {
    const owner = await createMember('owner')
    const account = await createFakeAccount(owner.organizationId)

    await postFakeWebhook(account, fakeInbound('+12025550146', 'PARAR'))
    await postFakeWebhook(account, fakeInbound('+12025550146', 'Comenzar'))
    assert.isNull(await OptOut.query().where('phone', '+12025550146').first())
    await postFakeWebhook(account, fakeInbound('+12025550146', 'baja'))
    assert.isNotNull(await OptOut.query().where('phone', '+12025550146').first())
    await postFakeWebhook(account, fakeInbound('+12025550146', 'Sí'))
    assert.isNull(await OptOut.query().where('phone', '+12025550146').first())
  })
})
