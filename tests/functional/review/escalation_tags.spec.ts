import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#models/audit_event'
import Tag from '#models/tag'
import { createMember } from '#tests/helpers/members'
import { asMember, assertFormRefused } from '#tests/helpers/web'
import { inertiaPage } from '#tests/helpers/inertia'
import { createTag } from '#tests/helpers/contacts'
import { urlFor } from '@adonisjs/core/services/url_builder'

async function escalates(tagId: number) {
  const tag = await Tag.findOrFail(tagId)
  return tag.escalates
}

test.group('Review | escalation tags', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a supervisor makes a tag escalate to supervisors and back; the tags page shows it', async ({
    client,
    assert,
  }) => {
    const supervisor = await createMember('supervisor')
    const tag = await createTag(supervisor.organizationId, 'angry')

    const on = await asMember(
      client.put(urlFor('tags.escalation', { id: tag.id })),
      supervisor
    ).json({
      escalates: true,
    })
    on.assertStatus(302)
    on.assertFlashMessage('success', 'Conversations tagged “angry” now go to supervisors.')
    assert.isTrue(await escalates(tag.id))

    const page = await asMember(client.get(urlFor('lists.index')), supervisor)
    assert.deepInclude(inertiaPage(page).props.tags, {
      id: tag.id,
      name: 'angry',
      escalates: true,
      contacts: 0,
    })

    // Saying it twice records one change.
    await asMember(client.put(urlFor('tags.escalation', { id: tag.id })), supervisor).json({
      escalates: true,
    })
    const off = await asMember(
      client.put(urlFor('tags.escalation', { id: tag.id })),
      supervisor
    ).json({
      escalates: false,
    })
    off.assertFlashMessage('success', '“angry” no longer escalates conversations.')
    assert.isFalse(await escalates(tag.id))

    const events = await AuditEvent.query()
      .where('organization_id', supervisor.organizationId)
      .where('action', 'tag.escalation_changed')
      .orderBy('id')
    assert.deepEqual(
      events.map((event) => event.details?.escalates),
      [true, false]
    )
  })

  test('texters may not change it; another organization’s tag is not found', async ({
    client,
    assert,
  }) => {
    const supervisor = await createMember('supervisor')
    const texter = await createMember('texter', { organization: supervisor.organization })
    const tag = await createTag(supervisor.organizationId, 'angry')

    assertFormRefused(
      await asMember(client.put(urlFor('tags.escalation', { id: tag.id })), texter).json({
        escalates: true,
      })
    )
    const other = await createMember('owner')
    const foreign = await asMember(
      client.put(urlFor('tags.escalation', { id: tag.id })),
      other
    ).json({
      escalates: true,
    })
    foreign.assertStatus(404)
    assert.isFalse(await escalates(tag.id))
  })
})
