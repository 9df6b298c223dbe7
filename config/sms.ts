import { defineConfig } from '#sms/define_config'

/**
 * SMS provider plugins. The built-ins (fake, twilio, telnyx) are always
 * available; list third-party ones here by id. See docs/plugins.md.
 */
const smsConfig = defineConfig({
  plugins: {
    // bandwidth: 'porchlight-sms-bandwidth', // an npm package
    // acme: './sms_plugins/acme', // a folder with an index.ts, relative to the app root
  },
})

export default smsConfig
