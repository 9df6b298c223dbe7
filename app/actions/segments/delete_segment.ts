import type Segment from '#models/segment'

/**
 * Deletes a saved segment (a definition only: no contact changes).
 */
export default class DeleteSegment {
  static async handle({ segment }: { segment: Segment }) {
    await segment.delete()
  }
}
