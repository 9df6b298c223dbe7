import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AutoAnswerRule from '#models/auto_answer_rule'
import { createMember } from '#tests/helpers/members'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { createActiveCampaign } from '#tests/helpers/conversations'
import { createRule } from '#tests/helpers/auto_answers'

test.group('Auto answers | page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('admins add, change and delete rules on the page', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const campaign = await createActiveCampaign(admin)

    const added = await asMember(client.post(urlFor('auto_answers.store')), admin).form({
      keywords: ['yes', 'y'],
      answer: 'Thanks {firstName}!',
      campaignId: campaign.id,
      close: true,
    })
    added.assertStatus(302)
    added.assertHeader('location', '/auto-answers')
    const invalid = await asMember(client.post(urlFor('auto_answers.store')), admin).form({
      keywords: ['STOP'],
      answer: 'Never',
    })
    assert.property(fieldErrors(invalid), 'keywords.0')

    const page = await asMember(client.get(urlFor('auto_answers.index')), admin)
    page.assertStatus(200)
    const { component, props } = inertiaPage(page)
    assert.equal(component, 'auto_answers/index')
    assert.isTrue(props.canManage)
    assert.containSubset(props.campaigns, [{ id: campaign.id, name: campaign.name }])
    assert.lengthOf(props.rules, 1)
    assert.containSubset(props.rules[0], {
      keywords: ['yes', 'y'],
      campaignId: campaign.id,
      close: true,
      enabled: true,
      fired: 0,
    })

    const id = props.rules[0].id
    const edited = await asMember(client.put(urlFor('auto_answers.update', { id })), admin).form({
      keywords: ['maybe', 'perhaps'],
      answer: 'We will call you.',
    })
    edited.assertStatus(302)
    const rule = await AutoAnswerRule.findOrFail(id)
    assert.deepEqual(rule.keywords, ['maybe', 'perhaps'])
    assert.isNull(rule.campaignId)

    const deleted = await asMember(client.delete(urlFor('auto_answers.destroy', { id })), admin)
    deleted.assertStatus(302)
    assert.isNull(await AutoAnswerRule.find(id))
  })

  test('supervisors read the rules and try messages; texters are refused', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const organization = admin.organization
    const supervisor = await createMember('supervisor', { organization })
    const texter = await createMember('texter', { organization })
    const campaign = await createActiveCampaign(admin)
    await createRule(admin.organizationId, {
      keywords: ['info2'],
      answer: '{orgName} says hi, {firstName}',
    })
    const own = await createRule(admin.organizationId, {
      campaignId: campaign.id,
      keywords: ['INFO2'],
      answer: 'Campaign {orgName}',
    })

    const page = await asMember(client.get(urlFor('auto_answers.index')), supervisor)
    page.assertStatus(200)
    assert.isFalse(inertiaPage(page).props.canManage)
    const refused = await asMember(client.post(urlFor('auto_answers.store')), supervisor).form({
      keywords: ['x'],
      answer: 'y',
    })
    assertFormRefused(refused)

    const tried = await asMember(client.post(urlFor('auto_answers.try')), supervisor).json({
      body: ' Info2! ',
    })
    tried.assertStatus(200)
    assert.deepEqual(tried.body(), {
      ruleId: tried.body().ruleId,
      keywords: ['info2'],
      answer: `${organization.name} says hi, {firstName}`,
    })
    const inCampaign = await asMember(client.post(urlFor('auto_answers.try')), supervisor).json({
      body: 'info2',
      campaignId: campaign.id,
    })
    assert.equal(inCampaign.body().ruleId, own.id)
    const none = await asMember(client.post(urlFor('auto_answers.try')), supervisor).json({
      body: 'hello there',
    })
    assert.isNull(none.body().ruleId)
    assert.lengthOf(await AutoAnswerRule.query().where('fired', '>', 0), 0)

    const forTexter = await asMember(client.get(urlFor('auto_answers.index')), texter)
    forTexter.assertStatus(403)
  })
})
