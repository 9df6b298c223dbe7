import { picturesByMessage } from '#services/media/attachments'
import db from '@adonisjs/lucid/services/db'
import Campaign from '#models/campaign'
import CannedResponse from '#models/canned_response'
import Contact from '#models/contact'
import InteractionStep from '#models/interaction_step'
import Message from '#models/message'
import OptOut from '#models/opt_out'
import SurveyResponse from '#models/survey_response'
import Tag from '#models/tag'
import User from '#models/user'
import type CampaignContact from '#models/campaign_contact'
import type Membership from '#models/membership'
import type Organization from '#models/organization'
import type { MergeContext } from '#services/scripts/merge_fields'
import { SurveyTree } from '#services/conversations/survey'
import { replyWindow } from '#services/conversations/texting_hours'
import { sqlTime } from '#services/db/sql_time'
import { autoAnswerLabels } from '#services/auto_answers/labels'

type Params = {
  conversation: CampaignContact
  viewer: Membership
  organization: Organization
}

export type Thread = Awaited<ReturnType<typeof GetThread.handle>>

/**
 * Everything the conversation page shows: the thread both ways, the contact
 * and their reply window, the survey questions asked so far, canned
 * responses and tags, and what scripts merge for this contact and the
 * member replying.
 */
export default class GetThread {
  static async handle({ conversation, viewer, organization }: Params) {
    const [campaign, contact] = await Promise.all([
      Campaign.findOrFail(conversation.campaignId),
      Contact.findOrFail(conversation.contactId),
    ])
    const [messages, steps, responses, cannedResponses, tags, applied, optOut, window] =
      await Promise.all([
        threadMessages(conversation),
        InteractionStep.query().where('campaign_id', campaign.id),
        SurveyResponse.query().where('campaign_contact_id', conversation.id),
        CannedResponse.forOrganization(organization.id)
          .where((query) => query.where('campaign_id', campaign.id).orWhereNull('campaign_id'))
          .orderByRaw('campaign_id is null')
          .orderBy('position')
          .orderBy('id'),
        Tag.forOrganization(organization.id).orderBy('name'),
        db.from('contact_tags').where('contact_id', contact.id).select('tag_id'),
        OptOut.forOrganization(organization.id).where('phone', contact.phone).first(),
        replyWindow(organization, campaign, contact),
      ])
    const pictures = await picturesByMessage(messages.map((message) => message.id))
    const autoAnswered = await autoAnswerLabels(
      messages.filter((message) => message.direction === 'inbound').map((message) => message.id)
    )
    const names = await memberNames([
      conversation.assignedUserId,
      ...messages.map((message) => message.sentById),
    ])
    const merge: MergeContext = {
      contact,
      texter: { fullName: viewer.user.fullName },
      organization,
    }
    const chosen = new Map(responses.map((row) => [row.questionStepId, row.answerStepId]))

    return {
      conversation,
      campaign,
      contact,
      messages,
      pictures,
      autoAnswered,
      names,
      survey: new SurveyTree(steps).asked(chosen),
      cannedResponses,
      tags,
      appliedTagIds: new Set(applied.map((row) => row.tag_id as number)),
      optOut,
      window,
      merge,
    }
  }
}

/**
 * The conversation's texts, and the automatic answers to the person (HELP,
 * an opt-out confirmation) sent to them since it began.
 */
function threadMessages(conversation: CampaignContact) {
  return Message.forOrganization(conversation.organizationId)
    .where('contact_id', conversation.contactId)
    .where((query) =>
      query
        .where('campaign_contact_id', conversation.id)
        .orWhere((automatic) =>
          automatic
            .whereNull('campaign_contact_id')
            .whereNotNull('purpose')
            .where('created_at', '>=', sqlTime(conversation.messagedAt!))
        )
    )
    .orderBy('id')
}

async function memberNames(ids: (number | null)[]) {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))]
  const users = unique.length
    ? await User.query().whereIn('id', unique).select('id', 'full_name')
    : []
  return new Map(users.map((user) => [user.id, user.fullName]))
}
