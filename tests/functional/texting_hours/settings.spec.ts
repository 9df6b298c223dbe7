import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Organization from '#models/organization'
import AuditEvent from '#models/audit_event'
import { createMember } from '#tests/helpers/members'
import { inertiaPage } from '#tests/helpers/inertia'
import { asMember, assertFormRefused, fieldErrors } from '#tests/helpers/web'
import { stateRulesFor } from '#services/texting_hours/rules'
import { textingWindow } from '#services/texting_hours/index'
import { urlFor } from '@adonisjs/core/services/url_builder'

const rule = (state: string, start = '08:00', end = '20:00', enabled = true) => ({
  state,
  start,
  end,
  enabled,
})

test.group('Texting hours | settings page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin sees the federal window, the default and the seeded state rules', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const response = await asMember(client.get(urlFor('texting_hours.edit')), admin)

    response.assertStatus(200)
    const { component, props } = inertiaPage(response)
    assert.equal(component, 'settings/texting_hours')
    assert.deepEqual(props.federal, { start: '08:00', end: '21:00' })
    assert.deepEqual(props.organizationHours, { start: '09:00', end: '20:00' })
    assert.isTrue(props.stateRules)
    assert.deepEqual(props.rules, [
      rule('FL'),
      rule('MD'),
      rule('MS'),
      rule('NJ'),
      rule('OK'),
      rule('WA'),
    ])
  })

  test('saving changes the rules the texting-hours service applies', async ({ client, assert }) => {
    const admin = await createMember('admin')
    const organization = admin.organization
    const response = await asMember(client.put(urlFor('texting_hours.update')), admin).json({
      stateRules: true,
      rules: [rule('FL', '08:00', '20:00', false), rule('tx', '10:00', '19:00'), rule('WA')],
    })

    response.assertStatus(302)
    const rules = await stateRulesFor(organization.id)
    assert.deepEqual([...rules.keys()], ['FL', 'MD', 'MS', 'NJ', 'OK', 'TX', 'WA'])
    assert.isFalse(rules.get('FL')!.enabled)
    assert.deepEqual(rules.get('TX'), rule('TX', '10:00', '19:00'))

    // 09:30 in Dallas: inside the organization's window, before Texas's rule opens.
    const texan = { timezone: 'America/Chicago', timezoneCandidates: null, state: 'TX' }
    const now = new Date('2026-01-15T15:30:00Z')
    const window = textingWindow({ contact: texan, organization, stateRules: rules, now })
    assert.isFalse(window.allowed)
    assert.deepEqual(window.opensAt, new Date('2026-01-15T16:00:00Z'))

    const event = await AuditEvent.query()
      .where('organization_id', organization.id)
      .where('action', 'texting_hours.updated')
      .firstOrFail()
    assert.deepEqual(event.details, { stateRules: true, states: ['FL', 'TX', 'WA'] })
  })

  test('the state rules can be switched off', async ({ client, assert }) => {
    const owner = await createMember('owner')
    await asMember(client.put(urlFor('texting_hours.update')), owner).json({
      stateRules: false,
      rules: [],
    })
    const organization = await Organization.findOrFail(owner.organizationId)
    assert.isFalse(organization.settings.stateRules)
    assert.deepEqual(organization.settings.textingHours, { start: '09:00', end: '20:00' })
  })

  test('a rule ending before it starts, or an unknown state, is refused', async ({
    client,
    assert,
  }) => {
    const admin = await createMember('admin')
    const backwards = await asMember(client.put(urlFor('texting_hours.update')), admin).json({
      stateRules: true,
      rules: [rule('FL'), rule('TX', '19:00', '10:00')],
    })
    backwards.assertStatus(302)
    assert.isDefined(fieldErrors(backwards)['rules.1.end'])

    const unknown = await asMember(client.put(urlFor('texting_hours.update')), admin).json({
      stateRules: true,
      rules: [rule('XX')],
    })
    assert.isDefined(fieldErrors(unknown)['rules.0.state'])
    const rules = await stateRulesFor(admin.organizationId)
    assert.isTrue(rules.get('FL')!.enabled)
  })

  test('a supervisor may not see or change texting hours', async ({ client }) => {
    const supervisor = await createMember('supervisor')
    const page = await asMember(client.get(urlFor('texting_hours.edit')), supervisor)
    page.assertStatus(403)
    const save = await asMember(client.put(urlFor('texting_hours.update')), supervisor).json({
      stateRules: false,
      rules: [],
    })
    assertFormRefused(save)
  })

  test('each organization has its own rules', async ({ client, assert }) => {
    const a = await createMember('owner')
    const b = await createMember('owner')
    await asMember(client.put(urlFor('texting_hours.update')), a).json({
      stateRules: true,
      rules: [rule('FL', '11:00', '17:00')],
    })
    const [rulesOfA, rulesOfB] = await Promise.all([
      stateRulesFor(a.organizationId),
      stateRulesFor(b.organizationId),
    ])
    assert.equal(rulesOfA.get('FL')!.start, '11:00')
    assert.equal(rulesOfB.get('FL')!.start, '08:00')
  })
})
