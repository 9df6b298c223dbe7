import { defineConfig } from '#sms/define_config'

/**
 * The SMS provider plugins this installation can use, by the id each one's
 * manifest declares. Each is imported the first time it is needed; the
 * built-ins are listed the same way as anyone else's. See docs/plugins.md.
 */
const smsConfig = defineConfig({
  plugins: {
    fake: () => import('#plugins/fake/index'),
    twilio: () => import('#plugins/twilio/index'),
    telnyx: () => import('#plugins/telnyx/index'),
    // bandwidth: () => import('porchlight-sms-bandwidth'), // an npm package
    // acme: './sms_plugins/acme', // a folder with an index.ts, relative to the app root
  },
})

export default smsConfig
