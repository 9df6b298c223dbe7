import type { SmsPluginContract } from '#sms/types'
import { TwilioClient } from './client.js'

const twilioPlugin: SmsPluginContract = {
  manifest: {
    id: 'twilio',
    displayName: 'Twilio',
    credentialFields: [
      {
        name: 'accountSid',
        label: 'Account SID',
        secret: false,
        required: true,
        pattern: '^AC[0-9a-fA-F]{32}$',
        help: 'On the Twilio console home page, starts with AC.',
      },
      {
        name: 'authToken',
        label: 'Auth token',
        secret: true,
        required: true,
        help: 'Also used to check the signature of every webhook Twilio sends.',
      },
      {
        name: 'messagingServiceSid',
        label: 'Messaging service SID',
        secret: false,
        required: false,
        pattern: '^MG[0-9a-fA-F]{32}$',
        help: 'Send through a messaging service (sender pool, 10DLC campaign). Starts with MG.',
      },
    ],
    settingFields: [
      {
        name: 'apiBaseUrl',
        label: 'API base URL',
        secret: false,
        required: false,
        type: 'url',
        help: 'Leave empty for https://api.twilio.com. Changing it needs the auth token entered again.',
      },
      {
        name: 'customerProfileBundleSid',
        label: 'Customer profile bundle SID (10DLC)',
        secret: false,
        required: false,
        pattern: '^BU[0-9a-fA-F]{32}$',
        help: 'Trust Hub → Customer profiles. Needed to register a 10DLC brand from Porchlight.',
      },
      {
        name: 'a2pProfileBundleSid',
        label: 'A2P profile bundle SID (10DLC)',
        secret: false,
        required: false,
        pattern: '^BU[0-9a-fA-F]{32}$',
        help: 'Trust Hub → A2P messaging profile. Needed to register a 10DLC brand from Porchlight.',
      },
    ],
    capabilities: {
      registration: true,
      mms: true,
      senderPools: true,
      providerOptOut: true,
      fetchStatus: true,
      verifyCredentials: true,
      lookupSent: true,
    },
    // Twilio takes 5 MB but carriers deliver pictures reliably only under about 600 KB.
    mediaLimits: {
      maxBytes: 600 * 1024,
      maxDimension: 1600,
      contentTypes: ['image/jpeg', 'image/png', 'image/gif'],
    },
  },

  createClient(config) {
    return new TwilioClient(config)
  },
}

export default twilioPlugin
