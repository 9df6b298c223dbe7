import type { HttpContext } from '@adonisjs/core/http'
import ChangePassword from '#actions/auth/change_password'
import { changePasswordValidator, profileValidator } from '#validators/user'

export default class ProfileController {
  async edit({ inertia, auth }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    return inertia.render('account/profile', {
      twoFactorEnabled: user.hasTwoFactor,
      emails: {
        assignment: user.emailAssignments,
        digest: user.emailReplyDigests,
        escalation: user.emailEscalations,
      },
    })
  }

  async update({ request, response, auth, session }: HttpContext) {
    const { fullName } = await request.validateUsing(profileValidator)
    const user = auth.use('web').getUserOrFail()
    user.fullName = fullName
    await user.save()
    session.flash('success', 'Your name is saved.')
    return response.redirect().back()
  }

  async updatePassword({ request, response, auth, session }: HttpContext) {
    const { currentPassword, password } = await request.validateUsing(changePasswordValidator)
    // The session stays signed in under a new id, so a copy of its old cookie stops working too.
    session.regenerate()
    await ChangePassword.handle(
      auth.use('web').getUserOrFail(),
      currentPassword,
      password,
      session.sessionId
    )
    session.flash('success', 'Your password is changed.')
    return response.redirect().back()
  }
}
