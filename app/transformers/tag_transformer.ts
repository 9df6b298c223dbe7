import type Tag from '#models/tag'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** A tag, with whether putting it on a conversation escalates it. */
export default class TagTransformer extends BaseTransformer<Tag> {
  toObject() {
    return this.pick(this.resource, ['id', 'name', 'escalates'])
  }
}
