import { test } from '@japa/runner'
import AnswerQuestion from '#actions/conversations/answer_question'
import Membership from '#models/membership'
import { IntegrationWorker } from '#services/integrations/worker'
import { emptyDatabase, mainNavigation, setUpInstance } from '#tests/browser/support'
import { createContact } from '#tests/helpers/contacts'
import { createActiveCampaign, createConversation, SURVEY } from '#tests/helpers/conversations'
import { GOOD_MESSAGE } from '#tests/helpers/campaigns'
import { firstQuestion } from '#tests/helpers/integrations'
import { everyActionStandin, VAN_PEOPLE } from '#tests/fixtures/integrations/everyaction_kit'

test.group('CRM integrations', (group) => {
  group.each.setup(() => emptyDatabase())

  test('an admin maps a survey question to the CRM, and a recorded answer shows in the sync log', async ({
    browserContext,
    cleanup,
  }) => {
    const { standin } = await everyActionStandin()
    cleanup(() => standin.close())
    const page = await setUpInstance(browserContext, 'Riverside Tenants Union')
    const admin = await Membership.query().preload('user').firstOrFail()
    const campaign = await createActiveCampaign(admin, {
      name: 'Renters survey',
      script: { initial: [{ body: GOOD_MESSAGE }], steps: SURVEY },
    })
    const { question, answer } = await firstQuestion(campaign)

    await mainNavigation(page).getByRole('link', { name: 'Integrations' }).click()
    await page.assertPath('/settings/integrations')
    await page.getByLabel('CRM').selectOption({ label: 'EveryAction / NGP VAN' })
    await page.locator('#field-name').fill('Our VAN')
    await page.getByLabel('Application name').fill(standin.applicationName)
    await page.getByLabel('API key').fill(standin.apiKey)
    await page.getByLabel('Database').fill(standin.mode)
    await page.getByLabel('API base URL').fill(standin.url)
    await page.getByRole('button', { name: 'Add integration' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Integration added')

    await page.getByRole('button', { name: 'Test connection' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Connected')

    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Renters survey' })
    await page.getByRole('button', { name: 'Map this campaign' }).click()
    await page.locator(`#q-${question.id}`).fill('71')
    await page.locator(`#a-${answer.id}`).fill('701')
    await page.getByRole('button', { name: 'Save mapping' }).click()
    await page.assertTextContains(page.getByRole('status'), 'Mapping saved')

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

    await page.getByRole('link', { name: '← Our VAN' }).click()
    const log = page.locator('[data-sync-log]')
    await page.assertTextContains(log, 'survey_response')
    await page.assertTextContains(log, '71 / 701')
    await page.assertTextContains(log, 'succeeded')
    await page.assertTextContains(page.locator('[data-sync-counts]'), 'Sent 1')
  })
})
