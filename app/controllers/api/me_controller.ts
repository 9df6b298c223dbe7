import type { HttpContext } from '@adonisjs/core/http'

export default class MeController {
  async show({ membership, organization }: HttpContext) {
    const { user } = membership
    return {
      user: { id: user.id, email: user.email, name: user.fullName },
      organization: { id: organization.id, slug: organization.slug, name: organization.name },
      role: membership.role,
    }
  }
}
