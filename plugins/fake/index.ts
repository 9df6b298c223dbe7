import type { SmsPluginContract } from '#sms/types'
import { appUrl } from '#config/app'
import { FakeClient } from './client.js'

/**
 * The carrier simulator: sends go over HTTP to the fake carrier built into
 * the app (/fake-carrier), which signs and posts status callbacks and
 * replies back through the same webhook path as real providers.
 */
const fake: SmsPluginContract = {
  manifest: {
    id: 'fake',
    displayName: 'Fake carrier (development and demos)',
    credentialFields: [
      {
        name: 'signingSecret',
        label: 'Signing secret',
        secret: true,
        required: false,
        generated: true,
        help: 'Leave blank to have one made for you, or enter any string of 16 characters or more. The fake carrier signs its webhooks with it.',
        pattern: '^.{16,}$',
      },
    ],
    settingFields: [
      {
        name: 'apiBaseUrl',
        label: 'Carrier URL',
        secret: false,
        required: false,
        type: 'url',
        help: `Defaults to ${appUrl}/fake-carrier. Changing it needs the signing secret entered again.`,
      },
      {
        name: 'deliveryDelayMs',
        label: 'Delivery delay (ms)',
        secret: false,
        required: false,
        type: 'number',
        pattern: '^\\d+$',
        help: 'How long after a send the "delivered" status arrives. Default 1000.',
      },
      {
        name: 'replyRate',
        label: 'Simulated reply rate',
        secret: false,
        required: false,
        type: 'number',
        pattern: '^(0(\\.\\d+)?|1(\\.0+)?)$',
        help: 'Share of texts (0 to 1) that get an automatic reply, for demos and load tests. Default 0.',
      },
      {
        name: 'replyText',
        label: 'Simulated reply text',
        secret: false,
        required: false,
        help: 'What simulated replies say. Default "Thanks, got it!".',
      },
      {
        name: 'replyDelayMs',
        label: 'Simulated reply delay (ms)',
        secret: false,
        required: false,
        type: 'number',
        pattern: '^\\d+$',
        help: 'How long after delivery a simulated reply arrives. Default 2000.',
      },
      {
        name: 'demoMode',
        label: 'Demo mode',
        secret: false,
        required: false,
        type: 'boolean',
        default: 'true',
        help: 'On unless you turn it off: lets this account and its Phones page work on a production server (npm start). Texts never leave the app.',
      },
    ],
    capabilities: {
      mms: true,
      senderPools: false,
      providerOptOut: true,
      fetchStatus: true,
      verifyCredentials: true,
      lookupSent: true,
      carrierSimulator: true,
    },
    // As strict as the real carriers, so what works here works there.
    mediaLimits: {
      maxBytes: 600 * 1024,
      maxDimension: 1600,
      contentTypes: ['image/jpeg', 'image/png', 'image/gif'],
    },
    // 555-0100…0199 numbers are reserved for fiction; this one is not one of the carrier's
    // test numbers (app/services/fake_carrier/numbers.ts).
    defaultNumbers: ['+12015550100'],
    notice:
      'This is a fake carrier: texts sent through it go nowhere, no real phone receives them. Read them, and answer as the phone, on the Phones page.',
  },

  createClient(config) {
    return new FakeClient(config, `${appUrl}/fake-carrier`)
  },
}

export default fake
