import type { HttpContext } from '@adonisjs/core/http'
import PreviewScript from '#actions/scripts/preview_script'
import { scriptPreviewValidator } from '#validators/script'

export default class ScriptsController {
  /**
   * The script editor's live preview and POST /api/v1/messages/preview (the same
   * figures). Any member may preview a script; rendering it for a contact
   * needs the right to view contacts.
   */
  async preview({ request, membership, organization, bouncer }: HttpContext) {
    const data = await request.validateUsing(scriptPreviewValidator)
    if (data.contactId) await bouncer.with('ContactPolicy').authorize('view')
    return PreviewScript.handle({ actor: membership, organization, ...data })
  }
}
