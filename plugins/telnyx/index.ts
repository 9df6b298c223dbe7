import type { SmsPluginContract } from '#sms/types'
import { TelnyxClient } from './client.js'

const telnyxPlugin: SmsPluginContract = {
  manifest: {
    id: 'telnyx',
    displayName: 'Telnyx',
    credentialFields: [
      {
        name: 'apiKey',
        label: 'API key',
        secret: true,
        required: true,
        help: 'Mission Control portal → Account settings → Keys & credentials → API keys.',
      },
      {
        name: 'publicKey',
        label: 'Public key',
        secret: false,
        required: true,
        pattern: '^[A-Za-z0-9+/]{43}=$',
        help: 'Keys & credentials → Public key (base64). Checks the signature of every webhook.',
      },
      {
        name: 'messagingProfileId',
        label: 'Messaging profile id',
        secret: false,
        required: false,
        help: 'Send from the profile’s number pool when a text has no sender number.',
      },
    ],
    settingFields: [
      {
        name: 'apiBaseUrl',
        label: 'API base URL',
        secret: false,
        required: false,
        type: 'url',
        help: 'Leave empty for https://api.telnyx.com/v2. Changing it needs the API key entered again.',
      },
    ],
    capabilities: {
      registration: true,
      mms: true,
      senderPools: true,
      providerOptOut: true,
      fetchStatus: true,
      verifyCredentials: true,
      // Telnyx's messaging API finds a message by its id only: no list by recipient (docs/plugins.md).
      lookupSent: false,
    },
    // Telnyx refuses an MMS over 1 MB in all.
    mediaLimits: {
      maxBytes: 1000 * 1000,
      maxDimension: 1600,
      contentTypes: ['image/jpeg', 'image/png', 'image/gif'],
    },
  },

  createClient(config) {
    return new TelnyxClient(config)
  },
}

export default telnyxPlugin
