import type Membership from '#models/membership'
import Segment from '#models/segment'
import { validateDefinition } from '#services/segments/validate_definition'
import { countSegment } from '#services/segments/audience'

type Params = {
  actor: Membership
  /** The segment to change; a new one when absent. */
  segment?: Segment
  name?: string
  definition?: unknown
}

/**
 * Creates or changes a saved segment after checking its definition against
 * the organization (unknown fields, operators, lists or tags are refused with
 * a precise message). Returns the segment and how many contacts it selects.
 * The count comes first: a definition too slow to count is refused
 * (SlowReadException) and nothing is saved.
 */
export default class SaveSegment {
  static async handle({ actor, segment, name, definition }: Params) {
    const record = segment ?? new Segment().merge({ organizationId: actor.organizationId })
    if (name !== undefined) record.name = name
    if (definition !== undefined || !segment) {
      record.definition = await validateDefinition(actor.organizationId, definition)
    }
    const count = await countSegment(record.organizationId, record.definition)
    await record.save()
    return { segment: record, count }
  }
}
