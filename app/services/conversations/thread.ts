import type { DateTime } from 'luxon'
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
import { renderScript, type MergeContext } from '#services/scripts/merge_fields'
import { SurveyTree } from '#services/conversations/survey'
import { replyWindow } from '#services/conversations/texting_hours'
import { sqlTime } from '#services/db/sql_time'

const iso = (value: DateTime | null | undefined) => value?.toUTC().toISO() ?? null

/**
 * Everything the conversation page shows: the thread both ways, the contact
 * and their local time, the survey questions asked so far, canned responses
 * and tags, with every script rendered for this contact and the member
 * replying. Contact text is passed as data; the page never renders it as HTML.
 */
export async function presentThread(
  conversation: CampaignContact,
  viewer: Membership,
  organization: Organization
) {
  const [campaign, contact] = await Promise.all([
    Campaign.findOrFail(conversation.campaignId),
    Contact.findOrFail(conversation.contactId),
  ])
  const [messages, steps, responses, canned, tags, applied, optOut, window] = await Promise.all([
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
  const names = await memberNames([
    conversation.assignedUserId,
    ...messages.map((message) => message.sentById),
  ])
  const merge: MergeContext = {
    contact,
    texter: { fullName: viewer.user.fullName },
    organization,
  }
  const render = (body: string | null) => renderScript(body ?? '', merge).rendered
  const appliedIds = new Set(applied.map((row) => row.tag_id as number))
  const tree = new SurveyTree(steps)
  const chosen = new Map(responses.map((row) => [row.questionStepId, row.answerStepId]))

  return {
    conversation: {
      id: conversation.id,
      status: conversation.status,
      campaign: { id: campaign.id, name: campaign.name },
      assignedTo: conversation.assignedUserId
        ? { id: conversation.assignedUserId, name: names.get(conversation.assignedUserId) ?? '' }
        : null,
      escalated: Boolean(conversation.escalatedAt),
      repliedAt: iso(conversation.repliedAt),
      lastInboundAt: iso(conversation.lastInboundAt),
    },
    contact: {
      firstName: contact.firstName,
      lastName: contact.lastName,
      phone: contact.phone,
      zip: contact.zip,
      state: contact.state,
      timezone: window.zones.length === 1 ? window.zones[0] : null,
      localTime: window.localTime,
      customFields: contact.customFields ?? {},
    },
    optOut: optOut
      ? { reason: optOut.reason, source: optOut.source, createdAt: iso(optOut.createdAt) }
      : null,
    messages: messages.map((message) => ({
      id: message.id,
      direction: message.direction,
      body: message.body,
      status: message.status,
      errorMessage: message.errorMessage ?? null,
      intent: message.intent,
      purpose: message.purpose,
      sentBy: message.sentById ? (names.get(message.sentById) ?? null) : null,
      createdAt: iso(message.createdAt),
    })),
    survey: tree.asked(chosen).map(({ step, answers, chosenId }) => ({
      stepId: step.id,
      question: step.question ?? '',
      chosenId,
      answers: answers.map((answer) => ({
        stepId: answer.id,
        answer: answer.answerOption ?? '',
        followUp: render(answer.script),
      })),
    })),
    cannedResponses: canned.map((response) => ({
      id: response.id,
      title: response.title,
      body: render(response.body),
      scope: response.campaignId ? ('campaign' as const) : ('organization' as const),
    })),
    tags: tags.map((tag) => ({
      id: tag.id,
      name: tag.name,
      escalates: tag.escalates,
      applied: appliedIds.has(tag.id),
    })),
    textingHours: {
      allowed: window.allowed,
      reason: window.reason ?? null,
      opensAt: window.opensAt?.toISOString() ?? null,
    },
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
