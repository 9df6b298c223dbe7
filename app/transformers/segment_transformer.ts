import type Segment from '#models/segment'
import { BaseTransformer } from '@adonisjs/core/transformers'

/**
 * A saved segment as the segments page lists it; `withDefinition` is what
 * the builder and the API work on.
 */
export default class SegmentTransformer extends BaseTransformer<Segment> {
  toObject() {
    const segment = this.resource
    return {
      id: segment.id,
      name: segment.name,
      updatedAt: (segment.updatedAt ?? segment.createdAt).toUTC().toISO(),
    }
  }

  withDefinition() {
    return this.pick(this.resource, ['id', 'name', 'definition'])
  }
}
