import { test } from '@japa/runner'
import twilioPlugin from '#plugins/twilio/index'
import telnyxPlugin from '#plugins/telnyx/index'

const webhookUrls = { inbound: 'https://x.test/in', status: 'https://x.test/status' }
const accountSid = 'AC' + 'a'.repeat(32)

test.group('Media | fetching inbound pictures with provider credentials', () => {
  test("Twilio's media links get basic auth; other hosts get nothing", ({ assert }) => {
    const client = twilioPlugin.createClient({
      pluginId: 'twilio',
      accountId: 1,
      credentials: { accountSid, authToken: 'secret-token' },
      settings: {},
      webhookUrls,
    })
    const expected = `Basic ${Buffer.from(`${accountSid}:secret-token`).toString('base64')}`
    assert.deepEqual(
      client.mediaRequestHeaders?.(
        `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages/MM1/Media/ME1`
      ),
      { Authorization: expected }
    )
    assert.isUndefined(client.mediaRequestHeaders?.('https://elsewhere.example.org/ME1'))
  })

  test('Telnyx links are fetched as given', ({ assert }) => {
    const client = telnyxPlugin.createClient({
      pluginId: 'telnyx',
      accountId: 1,
      credentials: { apiKey: 'KEY', publicKey: '' },
      settings: {},
      webhookUrls,
    })
    assert.isUndefined(client.mediaRequestHeaders)
  })
})
