import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { acceptUploads, discardUploads } from '#services/uploads'

/**
 * For the routes that take files (their controllers call receiveUploads once
 * the caller is allowed): every file the request wrote is deleted when it
 * ends, whatever it answered, unless the action moved it to be kept.
 * Every other route never reads a multipart body at all (config/bodyparser.ts).
 */
export default class UploadsMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    acceptUploads(ctx)
    try {
      return await next()
    } finally {
      await discardUploads(ctx)
    }
  }
}
