import type { HttpContext } from '@adonisjs/core/http'
import PreviewScript from '#actions/scripts/preview_script'
import { scriptPreviewValidator } from '#validators/script'
import { english } from '#services/i18n/translator'

export default class ScriptsController {
  /**
   * The script editor's live preview and POST /api/v1/messages/preview (the same
   * figures). Any member may preview a script; rendering it for a contact
   * needs the right to view contacts. The editor's lints follow the person's
   * language; the API's stay in English, the language of its documentation.
   */
  async preview({ request, route, membership, organization, bouncer, i18n }: HttpContext) {
    const data = await request.validateUsing(scriptPreviewValidator)
    if (data.contactId) await bouncer.with('ContactPolicy').authorize('view')
    const wording = route?.name === 'api.messages.preview' ? english() : i18n
    return PreviewScript.handle({ actor: membership, organization, ...data, i18n: wording })
  }
}
