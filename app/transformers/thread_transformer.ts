import type { DateTime } from 'luxon'
import type { Thread } from '#actions/conversations/get_thread'
import { renderScript } from '#services/scripts/merge_fields'
import OptOutTransformer from '#transformers/opt_out_transformer'
import TagTransformer from '#transformers/tag_transformer'
import { BaseTransformer } from '@adonisjs/core/transformers'
import i18nManager from '@adonisjs/i18n/services/main'
import type { Reader } from '#exceptions/refusal_wording'
import { wordTextingHours } from '#services/texting_hours/wording'
import { storedErrorIn } from '#services/outbox/stored_errors'

const iso = (value: DateTime | null | undefined) => value?.toUTC().toISO() ?? null

/**
 * The conversation page: the thread, the contact and their local time, the
 * survey so far, canned responses and tags, with every script rendered for
 * this contact and the member replying. Contact text is passed as data; the
 * page never renders it as HTML.
 */
export default class ThreadTransformer extends BaseTransformer<Thread> {
  /** `i18n` words the texting hours' reason; English when left out. */
  toObject(i18n: Reader = i18nManager.locale('en')) {
    const { conversation, campaign, contact, names, optOut, window, merge, autoAnswered } =
      this.resource
    const render = (body: string | null) => renderScript(body ?? '', merge).rendered
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
      optOut: optOut ? new OptOutTransformer(optOut).toSummary() : null,
      messages: this.resource.messages.map((message) => ({
        id: message.id,
        direction: message.direction,
        body: message.body,
        status: message.status,
        errorMessage: storedErrorIn(message, i18n),
        intent: message.intent,
        purpose: message.purpose,
        sentBy: message.sentById ? (names.get(message.sentById) ?? null) : null,
        autoAnsweredBy: autoAnswered.get(message.id) ?? null,
        pictures: (this.resource.pictures.get(message.id) ?? []).map((picture) => ({
          position: picture.position,
          status: picture.status,
          failureReason: picture.failureReason,
          url: `/messages/${message.id}/media/${picture.position}`,
        })),
        createdAt: iso(message.createdAt),
      })),
      survey: this.resource.survey.map(({ step, answers, chosenId }) => ({
        stepId: step.id,
        question: step.question ?? '',
        chosenId,
        answers: answers.map((answer) => ({
          stepId: answer.id,
          answer: answer.answerOption ?? '',
          followUp: render(answer.script),
        })),
      })),
      cannedResponses: this.resource.cannedResponses.map((response) => ({
        id: response.id,
        title: response.title,
        body: render(response.body),
        mediaIds: response.mediaIds,
        scope: response.campaignId ? ('campaign' as const) : ('organization' as const),
      })),
      tags: this.resource.tags.map((tag) => ({
        ...new TagTransformer(tag).toObject(),
        applied: this.resource.appliedTagIds.has(tag.id),
      })),
      textingHours: {
        allowed: window.allowed,
        reason: window.reason ? wordTextingHours(window.reason, i18n) : null,
        opensAt: window.opensAt?.toISOString() ?? null,
      },
    }
  }
}
