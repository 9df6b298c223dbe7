/*
| Conversations: a member's replies to answer, and one conversation's thread
| with its survey, canned responses, tags, opt-out and close.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router.get('/conversations', [controllers.Conversations, 'index']).as('conversations.index')
    router.get('/conversations/:id', [controllers.Conversations, 'show']).as('conversations.show')
    router
      .post('/conversations/:id/messages', [controllers.Conversations, 'reply'])
      .as('conversations.reply')
    router
      .post('/conversations/:id/answers', [controllers.Conversations, 'answer'])
      .as('conversations.answer')
    router
      .post('/conversations/:id/opt-out', [controllers.Conversations, 'optOut'])
      .as('conversations.opt_out')
    router
      .post('/conversations/:id/close', [controllers.Conversations, 'close'])
      .as('conversations.close')
    router
      .post('/conversations/:id/tags', [controllers.Conversations, 'tag'])
      .as('conversations.tag')
    router
      .delete('/conversations/:id/tags/:tagId', [controllers.Conversations, 'untag'])
      .as('conversations.untag')
  })
  .use([middleware.auth(), middleware.org()])
