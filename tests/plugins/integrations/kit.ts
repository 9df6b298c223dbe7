import type {
  ImportSource,
  IntegrationAccountConfig,
  ResultKind,
  SyncResult,
} from '#integrations/contract'
import type { Standin } from '#tests/fixtures/integrations/standin'

/** A CRM stand-in seeded for the conformance suite. */
export interface IntegrationScenario {
  standin: Standin
  config: IntegrationAccountConfig
  /** The same account with a wrong key. */
  badConfig: IntegrationAccountConfig
  /** A source holding `expectedPeople` people, more than one page where the CRM pages. */
  source: ImportSource
  expectedPeople: number
  /** One result of each kind the manifest declares, about a person the CRM knows. */
  results: Partial<Record<ResultKind, SyncResult>>
  /** Whether the stand-in recorded that result. */
  recorded(kind: ResultKind): boolean
  /** A result about a person whose writes the stand-in fails with a 500. */
  failing: SyncResult
  /** A result naming CRM ids that do not exist. */
  unknownIds: SyncResult
}

/** What each integration gives the suite: tests/fixtures/integrations/<id>_kit.ts. */
export interface IntegrationKit {
  scenario(): Promise<IntegrationScenario>
}
