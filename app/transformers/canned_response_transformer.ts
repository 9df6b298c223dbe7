import type CannedResponse from '#models/canned_response'
import { BaseTransformer } from '@adonisjs/core/transformers'
import { withPictures } from '#services/campaigns/script'

/** An organization-wide canned response, on pages and in the API. */
export default class CannedResponseTransformer extends BaseTransformer<CannedResponse> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'title', 'body', 'tags']),
      ...withPictures(this.resource.mediaIds),
    }
  }
}
