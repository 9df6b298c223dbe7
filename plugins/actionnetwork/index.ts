import type { IntegrationPluginContract } from '#integrations/contract'
import { ActionNetworkClient } from './client.js'

/** Action Network (OSDI API v2), from its public API documentation. */
const actionnetwork: IntegrationPluginContract = {
  manifest: {
    id: 'actionnetwork',
    displayName: 'Action Network',
    credentialFields: [{ name: 'apiKey', label: 'API key', secret: true, required: true }],
    settingFields: [
      {
        name: 'apiBaseUrl',
        label: 'API base URL',
        secret: false,
        required: false,
        help: 'Leave empty for https://actionnetwork.org',
      },
    ],
    importSources: [
      { kind: 'list', label: 'List id' },
      { kind: 'form', label: 'Form id' },
    ],
    // Survey answers are recorded as taggings: map each answer to a tag.
    results: ['survey_response', 'tag', 'opt_out'],
    mappingLabels: {
      question: 'Question (not used)',
      response: 'Tag id for this answer',
      tag: 'Tag id',
    },
  },
  createClient: (config) => new ActionNetworkClient(config),
}

export default actionnetwork
