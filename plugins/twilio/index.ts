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
    ],
    capabilities: {
      mms: true,
      senderPools: true,
      providerOptOut: true,
      fetchStatus: true,
      verifyCredentials: true,
      lookupSent: true,
    },
  },

  createClient(config) {
    return new TwilioClient(config)
  },
}

export default twilioPlugin
