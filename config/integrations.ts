import { defineConfig } from '#integrations/define_config'

/**
 * The CRM integration plugins this installation offers, by the id each
 * one's manifest declares. See docs/integrations.md.
 */
const integrationsConfig = defineConfig({
  plugins: {
    everyaction: () => import('#plugins/everyaction/index'),
    actionnetwork: () => import('#plugins/actionnetwork/index'),
    // acme_crm: () => import('porchlight-integration-acme'), // an npm package
  },
})

export default integrationsConfig
