import db from '@adonisjs/lucid/services/db'
import MediaItem from '#models/media_item'
import MessageMedia from '#models/message_media'
import CannedResponse from '#models/canned_response'
import FollowUpStep from '#models/follow_up_step'
import ScriptVariant from '#models/script_variant'
import type Membership from '#models/membership'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { runningCampaignsUsing } from '#services/media/usage'
import { deleteMediaFiles } from '#services/media/storage'

/**
 * Deletes a library picture and takes it off the texts of campaigns that
 * are not running; refused while a running (or paused) campaign sends it.
 * Texts that already carried it keep their copy.
 */
export default class DeleteMediaItem {
  static async handle({ actor, id }: { actor: Membership; id: unknown }) {
    const organizationId = actor.organizationId
    const item = await MediaItem.findForOrganizationOrFail(organizationId, id)
    const campaigns = await runningCampaignsUsing(organizationId, item.id)
    if (campaigns.length) {
      throw new ActionRefusedException((i18n) =>
        i18n.t('refusals.media.inUse', {
          count: campaigns.length,
          names: campaigns.map((name) => `"${name}"`).join(', '),
        })
      )
    }
    await db.transaction(async (trx) => {
      const drop = (ids: number[] | undefined) => ids?.filter((each) => each !== item.id)
      for (const Model of [ScriptVariant, CannedResponse]) {
        const rows = await Model.forOrganization(organizationId)
          .useTransaction(trx)
          .whereNotNull('media_ids')
        for (const row of rows) {
          if (row.mediaIds.includes(item.id))
            await row.merge({ mediaIds: drop(row.mediaIds) }).save()
        }
      }
      const steps = await FollowUpStep.forOrganization(organizationId).useTransaction(trx)
      for (const step of steps) {
        if (!step.variants.some((variant) => variant.mediaIds?.includes(item.id))) continue
        step.variants = step.variants.map((variant) => ({
          ...variant,
          mediaIds: drop(variant.mediaIds),
        }))
        await step.save()
      }
      await item.useTransaction(trx).delete()
    })
    // Texts already sent keep showing the copy they carried.
    const sent = await MessageMedia.query().where('storage_key', item.storageKey).first()
    await deleteMediaFiles(item, { keepSentCopy: Boolean(sent) })
  }
}
