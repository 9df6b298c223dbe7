import type { IntegrationPluginContract } from '#integrations/contract'
import { EveryActionClient } from './client.js'

/** EveryAction / NGP VAN (API v4), from its public API documentation. */
const everyaction: IntegrationPluginContract = {
  manifest: {
    id: 'everyaction',
    displayName: 'EveryAction / NGP VAN',
    credentialFields: [
      { name: 'applicationName', label: 'Application name', secret: false, required: true },
      { name: 'apiKey', label: 'API key', secret: true, required: true },
    ],
    settingFields: [
      {
        name: 'mode',
        label: 'Database',
        secret: false,
        required: true,
        help: '0 for VoterFile, 1 for MyCampaign (the mode your API key was issued for)',
        options: [
          { value: '0', label: 'VoterFile (0)' },
          { value: '1', label: 'MyCampaign (1)' },
        ],
      },
      {
        name: 'apiBaseUrl',
        label: 'API base URL',
        secret: false,
        required: false,
        help: 'Leave empty for https://api.securevan.com',
      },
      {
        name: 'exportJobTypeId',
        label: 'Export job type id',
        secret: false,
        required: false,
        help: 'The export job type holding VanID, names, phone, email and ZIP (default 4)',
      },
      {
        name: 'wrongNumberResultCodeId',
        label: 'Wrong number result code id',
        secret: false,
        required: false,
        help: 'The result code recorded for a wrong number (default 20, "Wrong Number")',
      },
      {
        name: 'textedResultCodeId',
        label: 'Texted result code id',
        secret: false,
        required: false,
        help: 'The result code recorded when a person was texted; texts are not recorded without it',
      },
      {
        name: 'textedContactTypeId',
        label: 'Contact type id for texts',
        secret: false,
        required: false,
        help: 'The SMS contact type (default 37)',
      },
    ],
    importSources: [{ kind: 'list', label: 'Saved list id' }],
    results: ['survey_response', 'tag', 'opt_out', 'texted', 'wrong_number'],
    mappingLabels: {
      question: 'Survey question id',
      response: 'Survey response id',
      tag: 'Activist code id',
    },
  },
  createClient: (config) => new EveryActionClient(config),
}

export default everyaction
