import app from '@adonisjs/core/services/app'
import { errors as vineErrors } from '@vinejs/vine'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { HttpError, StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { isDatabaseError, withoutBoundValues } from '#services/db/database_errors'
import SlowReadException from '#exceptions/slow_read_exception'
import { wordIssues } from '#exceptions/worded_issues'

type ApiError = { message: string; field?: string; rule?: string }

const SERVER_ERROR = 'Something went wrong on our side'

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction && !app.inTest

  protected renderStatusPages = app.inProduction || app.inTest

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (_, { inertia }) => inertia.render('errors/forbidden', {}),
    '404': (_, { inertia }) => inertia.render('errors/not_found', {}),
    '500..599': (_, { inertia }) => inertia.render('errors/server_error', {}),
  }

  async handle(error: unknown, ctx: HttpContext) {
    // Its message and rule say what to do (narrow the filter, or try again), even as a 503.
    if (error instanceof SlowReadException) return error.handle(error, ctx)
    if (ctx.request.url().startsWith('/api/')) {
      const { status, errors } = this.toApiError(error)
      return ctx.response.status(status).send({ errors })
    }
    // Field problems that carry a phrase are said in the reader's language on pages.
    if (error instanceof vineErrors.E_VALIDATION_ERROR && ctx.i18n) {
      error.messages = wordIssues(error.messages, ctx.i18n)
    }
    // Bouncer answers a refused page visit with plain text; people get the "Not allowed" page.
    // Refused form submissions keep Bouncer's flash message and redirect back.
    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE && ctx.request.method() === 'GET') {
      return this.renderErrorAsHTML(error, ctx)
    }
    return super.handle(error, ctx)
  }

  /**
   * A form's validation errors go back flashed, without the submitted values:
   * no page reads them back (Inertia keeps the form's state), and a huge field
   * would otherwise be stored in the session.
   */
  async renderValidationErrorAsHTML(
    error: InstanceType<typeof vineErrors.E_VALIDATION_ERROR>,
    ctx: HttpContext
  ) {
    if (!ctx.session) return super.renderValidationErrorAsHTML(error, ctx)
    ctx.session.flashValidationErrors(error, false)
    ctx.response.redirect('back', true)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(isDatabaseError(error) ? withoutBoundValues(error) : error, ctx)
  }

  /**
   * Outside development, a server error's own message (a database error's
   * holds its SQL) is never sent: pages get the error page, JSON a sentence.
   */
  async renderErrorAsJSON(error: HttpError, ctx: HttpContext) {
    if (this.debug || error.status < 500) return super.renderErrorAsJSON(error, ctx)
    ctx.response.status(error.status).send({ message: SERVER_ERROR })
  }

  async renderErrorAsJSONAPI(error: HttpError, ctx: HttpContext) {
    if (this.debug || error.status < 500) return super.renderErrorAsJSONAPI(error, ctx)
    ctx.response
      .status(error.status)
      .send({ errors: [{ title: SERVER_ERROR, status: error.status }] })
  }

  /**
   * Every API error has one shape: {"errors":[{"message","field","rule"}]}.
   * Server errors never leak their internals.
   */
  private toApiError(error: unknown): { status: number; errors: ApiError[] } {
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      const messages = error.messages as ApiError[]
      return {
        status: 422,
        errors: messages.map(({ message, field, rule }) => ({ message, field, rule })),
      }
    }

    const status = this.statusOf(error)
    // The body parser lets JSON.parse's own wording through; callers need to know what to fix.
    if (status === 400 && error instanceof SyntaxError) {
      return { status, errors: [{ message: 'The request body is not valid JSON' }] }
    }
    if (status >= 500) {
      return { status, errors: [{ message: SERVER_ERROR }] }
    }
    const known: Record<number, string> = {
      401: 'Missing or invalid API token',
      403: 'Your role does not allow this',
      404: 'Not found',
    }
    const message =
      known[status] ??
      (error instanceof Error ? error.message : 'The request could not be completed')
    return { status, errors: [{ message }] }
  }

  private statusOf(error: unknown) {
    const candidate = (error as { status?: unknown })?.status
    if (typeof candidate === 'number' && candidate >= 400 && candidate < 600) return candidate
    if ((error as { code?: string })?.code === 'E_ROW_NOT_FOUND') return 404
    return 500
  }
}
