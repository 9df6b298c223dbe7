import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { discardUnreadBody } from '#services/http/unread_body'

/**
 * Before a request is answered, the part of its body nothing read is read
 * and thrown away when the connection closes after the answer, so the
 * client gets the answer instead of a reset (see discardUnreadBody).
 */
export default class UnreadBodyMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    try {
      return await next()
    } finally {
      await discardUnreadBody(ctx.request.request, ctx.response.response)
    }
  }
}
