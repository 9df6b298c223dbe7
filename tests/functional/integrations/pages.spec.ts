import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AnswerQuestion from '#actions/conversations/answer_question'
import IntegrationAccount from '#models/integration_account'
import { IntegrationWorker } from '#services/integrations/worker'
import { createContact, createList } from '#tests/helpers/contacts'
import { createActiveCampaign, createConversation, SURVEY } from '#tests/helpers/conversations'
import { GOOD_MESSAGE } from '#tests/helpers/campaigns'
import { createMember } from '#tests/helpers/members'
import { firstQuestion } from '#tests/helpers/integrations'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember, assertFormRefused } from '#tests/helpers/web'
import { everyActionStandin, VAN_PEOPLE } from '#tests/fixtures/integrations/everyaction_kit'

test.group('CRM sync | pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin adds an account, tests it, imports, maps a survey question and reads the sync log', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { standin, config } = await everyActionStandin()
    cleanup(() => standin.close())
    const admin = await createMember('admin')
    const list = await createList(admin.organizationId, 'From VAN')

    const created = await asMember(client.post(urlFor('integrations.store')), admin).json({
      plugin: 'everyaction',
      name: 'Our VAN',
      credentials: config.credentials,
      settings: config.settings,
    })
    const account = await IntegrationAccount.findByOrFail('organizationId', admin.organizationId)
    created.assertHeader('location', urlFor('integrations.edit', { id: account.id }))
    assert.equal(account.credentials.apiKey, standin.apiKey)
    const raw = await IntegrationAccount.query()
      .where('id', account.id)
      .pojo<{ credentials: string }>()
    assert.notInclude(raw[0].credentials, standin.apiKey)

    const page = await asMember(client.get(urlFor('integrations.edit', { id: account.id })), admin)
    assert.equal(inertiaPage(page).component, 'integrations/edit')
    assert.notInclude(page.text(), standin.apiKey)

    const tested = await asMember(
      client.post(urlFor('integrations.test', { id: account.id })),
      admin
    )
    tested.assertHeader('location', urlFor('integrations.edit', { id: account.id }))
    tested.assertFlashMessage('success', 'Connected: the CRM accepted these credentials.')

    // Saving with the API key left blank keeps it; adds an import from saved list 555.
    await asMember(client.put(urlFor('integrations.update', { id: account.id })), admin).json({
      name: 'Our VAN',
      credentials: { applicationName: standin.applicationName, apiKey: '' },
      settings: config.settings,
      importKind: 'list',
      importSourceId: '555',
      importListId: list.id,
    })
    await account.refresh()
    assert.equal(account.credentials.apiKey, standin.apiKey)
    const imported = await asMember(
      client.post(urlFor('integrations.import', { id: account.id })),
      admin
    )
    imported.assertFlashMessage(
      'success',
      'Import started: the CRM is preparing the rest, it continues on its own.'
    )

    const campaign = await createActiveCampaign(admin, {
      script: { initial: [{ body: GOOD_MESSAGE }], steps: SURVEY },
    })
    const { question, answer } = await firstQuestion(campaign)
    const mapping = await asMember(
      client.get(urlFor('integrations.mapping', { id: account.id, campaignId: campaign.id })),
      admin
    )
    assert.containSubset(inertiaPage(mapping).props.questions, [
      { id: question.id, question: 'Will you vote?', answers: [{ id: answer.id, answer: 'Yes' }] },
    ])
    await asMember(
      client.put(
        urlFor('integrations.mapping.update', { id: account.id, campaignId: campaign.id })
      ),
      admin
    ).json({ questions: { [question.id]: '71' }, answers: { [answer.id]: '701' } })

    const contact = await createContact(admin.organizationId, {
      phone: VAN_PEOPLE[0].phone,
      externalId: String(VAN_PEOPLE[0].vanId),
    })
    const { conversation } = await createConversation(admin, { campaign, contact })
    await AnswerQuestion.handle({
      actor: admin,
      conversation,
      questionStepId: question.id,
      answerStepId: answer.id,
    })
    await new IntegrationWorker().runOnce()

    const log = inertiaPage(
      await asMember(client.get(urlFor('integrations.edit', { id: account.id })), admin)
    ).props.log
    assert.containSubset(log.items, [
      {
        kind: 'survey_response',
        status: 'succeeded',
        phone: VAN_PEOPLE[0].phone,
        crmIds: '71 / 701',
      },
    ])
    assert.equal(log.counts.succeeded, 1)
    assert.containSubset(log.imports, [{ status: 'running', pages: 1 }])
  })

  test('texters cannot reach the pages; another organization’s account is not found', async ({
    client,
  }) => {
    const { standin, config } = await everyActionStandin()
    await standin.close()
    const texter = await createMember('texter')
    const page = await asMember(client.get(urlFor('integrations.index')), texter)
    page.assertStatus(403)
    const post = await asMember(client.post(urlFor('integrations.store')), texter).json({
      plugin: 'everyaction',
      name: 'x',
      credentials: config.credentials,
      settings: config.settings,
    })
    assertFormRefused(post)

    const owner = await createMember('admin')
    const other = await createMember('admin')
    await asMember(client.post(urlFor('integrations.store')), owner).json({
      plugin: 'everyaction',
      name: 'Theirs',
      credentials: config.credentials,
      settings: config.settings,
    })
    const account = await IntegrationAccount.findByOrFail('organizationId', owner.organizationId)
    const foreign = await asMember(
      client.get(urlFor('integrations.edit', { id: account.id })),
      other
    )
    foreign.assertStatus(404)
  })
})
