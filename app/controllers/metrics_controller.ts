import type { HttpContext } from '@adonisjs/core/http'
import ShowMetrics from '#actions/metrics/show_metrics'

export default class MetricsController {
  /** GET /metrics — Prometheus text format; see docs/self-hosting.md "Metrics". */
  async show({ request, response }: HttpContext) {
    const outcome = await ShowMetrics.handle(request.header('authorization'))
    if (outcome.status === 'disabled') return response.notFound('Not found')
    if (outcome.status === 'unauthorized') {
      response.header('WWW-Authenticate', 'Bearer')
      return response.unauthorized('Unauthorized')
    }
    response.header('Content-Type', outcome.contentType)
    return response.ok(outcome.body)
  }
}
