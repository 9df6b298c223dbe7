import integrationsConfig from '#config/integrations'
import { IntegrationManager } from '#integrations/manager'

/** The integration plugin manager: `await integrations.client(config)`. */
const integrations = new IntegrationManager(integrationsConfig)

export default integrations
