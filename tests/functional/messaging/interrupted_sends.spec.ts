import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Message from '#models/message'
import ProviderAccount from '#models/provider_account'
import FakeCarrierMessage from '#models/fake_carrier_message'
import AuditEvent from '#models/audit_event'
import { Dispatcher } from '#services/outbox/dispatcher'
import { queueMessage } from '#services/outbox/enqueue'
import { clientFor, forgetAccount } from '#services/provider_accounts/clients'
import { createMember } from '#tests/helpers/members'
import { asMember } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { telnyxKeyPair } from '#tests/fixtures/telnyx/payloads'
import { fakeAccount, SENDER } from '#tests/functional/fake_carrier/helpers'
import { urlFor } from '@adonisjs/core/services/url_builder'

/**
 * The situation after kill -9 in the middle of sending: a dispatcher claimed
 * a text and called the provider, and died before it recorded the answer.
 * The row says "sending", claimed half an hour ago, with no provider id;
 * the provider (here the real fake carrier, over HTTP) may or may not have
 * the text.
 */
async function interrupted(
  account: ProviderAccount,
  to: string,
  options: { body?: string; reachedProvider: boolean }
) {
  const body = options.body ?? `Hi from the campaign, ${to}`
  const message = await queueMessage({
    organizationId: account.organizationId,
    providerAccountId: account.id,
    from: SENDER,
    to,
    body,
  })
  message.merge({
    status: 'sending',
    claimedAt: DateTime.now().minus({ minutes: 30 }),
    claimedBy: 'dead-worker#7',
  })
  await message.save()
  if (options.reachedProvider) {
    const client = await clientFor(account)
    await client.send({ to, from: SENDER, body, messageId: message.id })
  }
  return message
}

test.group('Interrupted sends | the provider is asked before anyone sends again', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a text the provider has is recorded as sent; one it lacks is safe to send again', async ({
    assert,
    client,
  }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId)
    const delivered = await interrupted(account, '+12025550141', { reachedProvider: true })
    const lost = await interrupted(account, '+12025550142', { reachedProvider: false })

    assert.equal(await new Dispatcher().reconcileStale(), 2)

    const [carried] = await FakeCarrierMessage.query().where('phone', '+12025550141')
    await delivered.refresh()
    assert.containSubset(delivered.serialize(), {
      status: 'sent',
      providerMessageId: carried.sid,
      attempts: 1,
    })
    assert.isNotNull(delivered.sentAt)
    await lost.refresh()
    assert.containSubset(lost.serialize(), {
      status: 'review',
      errorCode: 'interrupted_not_sent',
    })

    const page = await asMember(client.get(urlFor('provider_accounts.index')), owner)
    const review = inertiaPage(page).props.review
    assert.deepEqual(
      review.map((row: any) => [row.to, row.safeToResend]),
      [['+12025550142', true]]
    )
    assert.match(review[0].note, /sending it again is safe/)
  })

  test('a provider that cannot look texts up leaves "may already have been delivered"', async ({
    assert,
    client,
  }) => {
    const owner = await createMember('owner')
    const account = await ProviderAccount.create({
      organizationId: owner.organizationId,
      provider: 'telnyx',
      name: 'Telnyx',
      credentials: { apiKey: 'KEY-test', publicKey: telnyxKeyPair().publicKeyBase64 },
      settings: {},
      status: 'active',
    })
    forgetAccount(account.id)
    const message = await interrupted(account, '+12025550143', { reachedProvider: false })

    await new Dispatcher().reconcileStale()

    await message.refresh()
    assert.containSubset(message.serialize(), {
      status: 'review',
      errorCode: 'interrupted_unconfirmed',
    })
    assert.match(message.errorMessage!, /may already have been delivered/)
    const page = await asMember(client.get(urlFor('provider_accounts.index')), owner)
    const [row] = inertiaPage(page).props.review
    assert.containSubset(row, { to: '+12025550143', safeToResend: false })
    assert.match(row.note, /cannot be asked which texts it sent/)
  })

  test('a text the provider has that another message already recorded is not taken', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId)
    const body = 'Same words twice'
    // The first send went out and was recorded; the second was claimed and never reached it.
    const first = await interrupted(account, '+12025550144', { body, reachedProvider: true })
    const [carried] = await FakeCarrierMessage.query().where('phone', '+12025550144')
    first.merge({ status: 'sent', providerMessageId: carried.sid })
    await first.save()
    const second = await interrupted(account, '+12025550144', { body, reachedProvider: false })

    await new Dispatcher().reconcileStale()

    await second.refresh()
    assert.containSubset(second.serialize(), {
      status: 'review',
      errorCode: 'interrupted_not_sent',
      providerMessageId: null,
    })
  })

  test('another unrecorded text to the same number makes it uncertain, not sent', async ({
    assert,
  }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId)
    const message = await interrupted(account, '+12025550145', { reachedProvider: false })
    const carrier = await clientFor(account)
    await carrier.send({ to: '+12025550145', from: SENDER, body: 'Other words', messageId: 0 })

    await new Dispatcher().reconcileStale()

    await message.refresh()
    assert.containSubset(message.serialize(), {
      status: 'review',
      errorCode: 'interrupted_unconfirmed',
    })
    assert.match(message.errorMessage!, /did not record/)
  })

  test('"Send again" asks the provider first: a text it has is recorded, not sent twice', async ({
    assert,
    client,
  }) => {
    const owner = await createMember('owner')
    const account = await fakeAccount(owner.organizationId)
    // Parked before the provider could be asked (say it was unreachable then).
    const message = await interrupted(account, '+12025550146', { reachedProvider: true })
    message.merge({ status: 'review', errorCode: 'interrupted_unconfirmed' })
    await message.save()

    const resend = await asMember(
      client.post(urlFor('outbox_reviews.resend', { id: message.id })),
      owner
    )
    resend.assertStatus(302)
    await new Dispatcher().drainOnce()

    assert.match(String(resend.flashMessage('success')), /had sent it after all/)
    await message.refresh()
    assert.equal(message.status, 'sent')
    assert.lengthOf(await FakeCarrierMessage.query().where('phone', '+12025550146'), 1)
    await AuditEvent.query().where('action', 'message.found_sent').firstOrFail()

    // One the provider lacks is queued again and goes out once.
    const lost = await interrupted(account, '+12025550147', { reachedProvider: false })
    lost.merge({ status: 'review', errorCode: 'interrupted_not_sent' })
    await lost.save()
    const again = await asMember(
      client.post(urlFor('outbox_reviews.resend', { id: lost.id })),
      owner
    )
    assert.equal(again.flashMessage('success'), 'The text is queued again.')
    await new Dispatcher().drainOnce()
    await lost.refresh()
    assert.equal(lost.status, 'sent')
    assert.lengthOf(await FakeCarrierMessage.query().where('phone', '+12025550147'), 1)
    assert.lengthOf(await Message.query().where('to_phone', '+12025550147'), 1)
  })
})
