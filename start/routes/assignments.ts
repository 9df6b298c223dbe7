/*
| Supervising a campaign’s texting: the Texters page (assign, reassign,
| unassign, reply handlers), the conversation review, escalation tags, and the API.
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router
      .get('/campaigns/:id/texters', [controllers.CampaignTexters, 'index'])
      .as('campaign_texters.index')
    router
      .post('/campaigns/:id/assignments', [controllers.CampaignTexters, 'assign'])
      .as('campaign_texters.assign')
    router
      .put('/campaigns/:id/reply-handlers', [controllers.CampaignTexters, 'replyHandlers'])
      .as('campaign_texters.reply_handlers')
    router
      .get('/campaigns/:id/review', [controllers.CampaignReviews, 'index'])
      .as('campaign_reviews.index')
    router.put('/tags/:id/escalation', [controllers.Tags, 'escalation']).as('tags.escalation')
  })
  .use([middleware.auth(), middleware.org()])

router
  .group(() => {
    router
      .get('/campaigns/:id/assignments', [controllers.api.Assignments, 'index'])
      .as('assignments.index')
    router
      .post('/campaigns/:id/assignments', [controllers.api.Assignments, 'store'])
      .as('assignments.store')
    router
      .get('/campaigns/:id/conversations', [controllers.api.CampaignConversations, 'index'])
      .as('campaign_conversations.index')
  })
  .prefix('/api/v1')
  .as('api')
  .use(middleware.api())
