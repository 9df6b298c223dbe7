import type { Infer } from '@vinejs/vine/types'
import type ProviderAccount from '#models/provider_account'
import type { phoneTextValidator } from '#validators/fake_carrier'
import { sendAsPhone, toCarrierAccount } from '#services/fake_carrier/carrier'
import ActionRefusedException from '#exceptions/action_refused_exception'
import { keepPhonePicture } from '#services/fake_carrier/pictures'

type Params = { account: ProviderAccount; data: Infer<typeof phoneTextValidator> }

/**
 * Someone texts the organization from a fake phone (a reply on the Phones
 * page), with a picture when one is chosen. It reaches the app the way a
 * real text does: as a signed inbound webhook from the carrier, whose
 * picture the app fetches from the carrier's link.
 */
export default class TextAsPhone {
  static async handle({ account, data }: Params) {
    const mediaUrls = data.picture ? [await keepPhonePicture(data.picture.tmpPath!)] : []
    const { message, posted, status } = await sendAsPhone(toCarrierAccount(account), {
      phone: data.phone,
      to: data.to,
      body: data.body,
      mediaUrls,
    })
    if (!posted) {
      throw new ActionRefusedException((i18n) =>
        status
          ? i18n.t('refusals.fakeCarrier.webhookAnswered', { status: String(status) })
          : i18n.t('refusals.fakeCarrier.webhookUnreachable')
      )
    }
    return message
  }
}
