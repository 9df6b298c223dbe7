import type { HttpContext } from '@adonisjs/core/http'

export default class WaitingController {
  async show({ inertia, response, membership }: HttpContext) {
    if (membership.isActive) return response.redirect().toRoute(membership.homeRoute)
    return inertia.render('waiting', {})
  }
}
