import { ref } from 'vue'
import { router } from '@inertiajs/vue3'
import { urlFor } from '~/client'
import type { TagChoice } from '~/lib/conversations'

/**
 * What a texter (or an organizer replying as the organization) does to one
 * conversation. Each is one request, ignored while another is under way; the
 * page's props come back refreshed. A refusal arrives as the flash error.
 */
export function useConversationActions(conversationId: () => number) {
  const busy = ref(false)
  const params = () => ({ id: conversationId() })

  function visit(
    method: 'post' | 'delete',
    url: string,
    data: Record<string, string | number | boolean | number[]> = {},
    after?: (refusal: string | undefined) => void
  ) {
    if (busy.value) return
    router.visit(url, {
      method,
      data,
      preserveScroll: true,
      preserveState: true,
      onStart: () => {
        busy.value = true
      },
      onFinish: () => {
        busy.value = false
      },
      onSuccess: (page) => after?.((page.props as { flash?: { error?: string } }).flash?.error),
    })
  }

  return {
    busy,
    /** `done(true)` once the reply is queued; false when refused (the box keeps its text). */
    reply(
      reply: { body: string; mediaIds: number[]; idempotencyKey: string },
      done: (sent: boolean) => void
    ) {
      visit('post', urlFor('conversations.reply', params()), reply, (refusal) => done(!refusal))
    },
    answer(questionStepId: number, answerStepId: number) {
      visit('post', urlFor('conversations.answer', params()), { questionStepId, answerStepId })
    },
    toggleTag(tag: TagChoice) {
      if (tag.applied) {
        visit('delete', urlFor('conversations.untag', { ...params(), tagId: tag.id }))
      } else {
        visit('post', urlFor('conversations.tag', params()), { tagId: tag.id })
      }
    },
    optOut(confirm: boolean) {
      visit('post', urlFor('conversations.opt_out', params()), { confirm })
    },
    close() {
      visit('post', urlFor('conversations.close', params()))
    },
  }
}
